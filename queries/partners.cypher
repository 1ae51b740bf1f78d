// name: partners
// question_ko: 이 기관과 협력하는 기관은 어디이며, 어떻게(협약, 협의회, 사업, 공동 회의) 협력하는가?
// question_en: Who cooperates with this actor, and how (shared agreements, councils, programmes, joint meetings)?
// args: actor
// params: actor — id of the actor
// params: since — earliest date (YYYY, YYYY-MM or YYYY-MM-DD) or null; undated ties drop out when a period is given
// params: until — latest date, inclusive (2024 means to the end of 2024), or null
// columns: partner_id, partner, partner_en, label, via, ties, years, sources, evidence
// note: a tie is one agreement both signed, one dated joint event, one council, or one programme year both take part in, counted only between a government and the office that covers it or when one article or record names both (designation lists in the reference data alone make no tie; their source ids start with refdoc_)
MATCH (a:Actor {id: $actor})
CALL {
  WITH a
  MATCH (a)-[r:COOPERATES_WITH]-(b:Actor)
  UNWIND range(0, size(r.sources) - 1) AS i
  RETURN b, 'cooperation' AS via,
         'event ' + CASE WHEN r.dates[i] <> '' THEN r.dates[i] ELSE r.sources[i] END AS item,
         r.dates[i] AS date, r.sources[i] AS doc, r.evidence[i] AS sentence
  UNION ALL
  WITH a
  MATCH (a)-[r:SIGNED]->(g:Agreement)<-[:SIGNED]-(b:Actor)
  WHERE b <> a
  UNWIND range(0, size(r.sources) - 1) AS i
  // an agreement only announced so far (체결할 예정) is shown as such until a source reports the signing
  RETURN b, CASE WHEN r.announced AND NOT coalesce(r.signed, false) THEN 'planned agreement' ELSE 'agreement' END AS via,
         g.id AS item, coalesce(g.date, r.dates[i]) AS date, r.sources[i] AS doc, r.evidence[i] AS sentence
  UNION ALL
  WITH a
  // A council ties two members in a year both were members (undated memberships only to undated ones);
  // the evidence of both memberships is returned, so the tie reads the same from either side.
  MATCH (a)-[r:MEMBER_OF]->(c:Council)<-[s:MEMBER_OF]-(b:Actor)
  WHERE b <> a
  UNWIND range(0, size(r.sources) - 1) AS i
  UNWIND range(0, size(s.sources) - 1) AS j
  WITH b, c, r, s, i, j, substring(coalesce(r.dates[i], ''), 0, 4) AS ry, substring(coalesce(s.dates[j], ''), 0, 4) AS sy
  WHERE ry = sy
  UNWIND [[r.dates[i], r.sources[i], r.evidence[i]], [s.dates[j], s.sources[j], s.evidence[j]]] AS side
  RETURN b, 'council' AS via, c.id + ' ' + ry AS item, side[0] AS date, side[1] AS doc, side[2] AS sentence
  UNION ALL
  WITH a
  MATCH (a)-[r:MEMBER_OF]-(b:Actor)
  UNWIND range(0, size(r.sources) - 1) AS i
  RETURN b, 'membership' AS via, 'member ' + r.key AS item, r.dates[i] AS date, r.sources[i] AS doc,
         r.evidence[i] AS sentence
  UNION ALL
  WITH a
  MATCH (a)-[:COVERS]-(b:Actor)
  MATCH (a)-[r:PARTICIPATES_IN]->(p:Program)<-[s:PARTICIPATES_IN]-(b)
  WHERE r.key = s.key
  UNWIND range(0, size(r.sources) - 1) AS i
  RETURN b, 'programme' AS via, p.id + ' ' + r.key AS item, r.dates[i] AS date, r.sources[i] AS doc,
         r.evidence[i] AS sentence
  UNION ALL
  WITH a
  MATCH (a)-[r:PARTICIPATES_IN]->(p:Program)
  UNWIND range(0, size(r.sources) - 1) AS i
  WITH a, r, p, i, r.sources[i] AS doc
  WHERE NOT doc STARTS WITH 'refdoc_'
  // The programme travels as its id so that the match starts at the document: starting at the programme
  // would read every participant of, say, 교육발전특구.
  WITH a, r, i, doc, p.id AS program
  MATCH (:Document {id: doc})-[:MENTIONS]->(b:Actor)-[s:PARTICIPATES_IN]->(q)
  WHERE q.id = program AND b <> a AND s.key = r.key AND doc IN s.sources
  RETURN b, 'programme' AS via, program + ' ' + r.key AS item, r.dates[i] AS date, doc, r.evidence[i] AS sentence
}
WITH b, via, item, date, doc, sentence
WHERE ($since IS NULL OR date >= $since)
  AND ($until IS NULL OR (date <> '' AND substring(date, 0, size($until)) <= $until))
WITH b, collect(DISTINCT via) AS via, count(DISTINCT item) AS ties,
     collect(DISTINCT CASE WHEN date <> '' THEN substring(date, 0, 4) END) AS years,
     count(DISTINCT doc) AS sources, collect(DISTINCT CASE WHEN sentence <> '' THEN sentence END) AS sentences
RETURN b.id AS partner_id, b.name_ko AS partner, b.name_en AS partner_en,
       [l IN labels(b) WHERE l <> 'Actor'][0] AS label, via, ties, years, sources, sentences[0..3] AS evidence
ORDER BY ties DESC, sources DESC, partner
