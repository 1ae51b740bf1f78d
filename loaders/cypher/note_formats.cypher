// name: note_formats
// mode: write
// description: add the form a document was read in (txt, html, jsonl …) to the ones already noted
// params: rows — list of {id, format}
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.formats = CASE WHEN row.format IN coalesce(d.formats, []) THEN d.formats
                     ELSE coalesce(d.formats, []) + [row.format] END
RETURN count(d) AS noted
