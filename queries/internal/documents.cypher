// name: documents
// description: title, URL and date of source documents by id, for tooltips and exports
// params: ids — the document ids
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, coalesce(d.title, d.name_ko) AS title, d.url AS url, d.date AS date, d.kind AS kind
