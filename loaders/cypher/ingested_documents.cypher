// name: ingested_documents
// mode: read
// description: which of these documents were already ingested completely (the ledger)
// params: ids — list of document ids (content hashes)
MATCH (d:Document)
WHERE d.id IN $ids AND d.ingested = true
RETURN d.id AS id
