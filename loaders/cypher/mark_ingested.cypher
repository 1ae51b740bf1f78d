// name: mark_ingested
// mode: write
// description: mark documents as completely ingested, after their facts are written
// params: ids — list of document ids
UNWIND $ids AS id
MATCH (d:Document {id: id})
SET d.ingested = true
RETURN count(d) AS marked
