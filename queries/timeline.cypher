// name: timeline
// question_ko: 이 기관의 협력 활동을 시간 순으로 보여 달라
// question_en: This actor's cooperation events in time order, each with its source
// args: actor
// params: actor — id of the actor
// params: since — earliest date or null; undated events drop out when a period is given (otherwise they come last)
// params: until — latest date, inclusive, or null
// columns: date, event, what, with, evidence, document, url
MATCH (x:Actor {id: $actor})-[r:COOPERATES_WITH|SIGNED|PARTICIPATES_IN|MEMBER_OF]-(y)
UNWIND range(0, size(r.sources) - 1) AS i
WITH x, r, y, CASE WHEN type(r) = 'SIGNED' AND y.date IS NOT NULL THEN y.date ELSE r.dates[i] END AS date,
     r.sources[i] AS doc, r.evidence[i] AS sentence
WHERE (($since IS NULL AND $until IS NULL) OR date <> '')
  AND ($since IS NULL OR date >= $since) AND ($until IS NULL OR substring(date, 0, size($until)) <= $until)
MATCH (d:Document {id: doc})
RETURN DISTINCT date,
       CASE WHEN r.announced AND NOT coalesce(r.signed, false) THEN 'SIGNED (planned)' ELSE type(r) END AS event,
       y.name_ko AS what,
       [(p:Actor)-[:SIGNED]->(y) WHERE p <> x | p.name_ko] AS with, sentence AS evidence,
       coalesce(d.title, d.name_ko) AS document, d.url AS url
ORDER BY CASE WHEN date = '' THEN 1 ELSE 0 END, date, event, what
