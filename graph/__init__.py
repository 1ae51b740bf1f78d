"""The EduGraph model, stores, writer, reference data and name resolution."""
