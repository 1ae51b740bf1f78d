// name: profile
// question_ko: 이 기관에 대해 알려진 모든 사실과 그 출처
// question_en: Everything known about this actor, each fact with its sources
// args: actor
// params: actor — id of the actor
// columns: fact, direction, other_id, other, other_label, detail, first_seen, last_seen, sources, evidence
MATCH (x:Actor {id: $actor})
CALL {
  WITH x
  UNWIND [k IN keys(x) WHERE NOT k IN ['id', 'aliases', 'name_ko', 'reference']] AS k
  RETURN k AS fact, null AS direction, null AS other_id, toString(x[k]) AS other, null AS other_label,
         null AS detail, null AS first_seen, null AS last_seen, null AS sources, null AS evidence
  UNION ALL
  WITH x
  MATCH (x)-[r]-(y)
  WHERE type(r) <> 'MENTIONS'
  RETURN type(r) AS fact, CASE WHEN startNode(r) = x THEN 'out' ELSE 'in' END AS direction, y.id AS other_id,
         y.name_ko AS other, [l IN labels(y) WHERE l <> 'Actor'][0] AS other_label,
         CASE WHEN r.announced AND NOT coalesce(r.signed, false) THEN 'planned'
              ELSE coalesce(r.role, r.kind, r.key) END AS detail, r.first_seen AS first_seen, r.last_seen AS last_seen,
         r.source_count AS sources, [e IN r.evidence WHERE e <> ''][0] AS evidence
}
RETURN fact, direction, other_id, other, other_label, detail, first_seen, last_seen, sources, evidence
ORDER BY CASE WHEN direction IS NULL THEN 0 ELSE 1 END, fact, first_seen, other
