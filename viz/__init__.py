"""Maps and exports."""
