// name: cross_province
// question_ko: 시·도 경계를 넘어 협력하는 기관은 어디인가?
// question_en: Which actors cooperate across provincial (시·도) boundaries?
// args:
// params: since — earliest date or null; undated ties drop out when a period is given
// params: until — latest date, inclusive, or null
// params: limit — the most rows to return
// default: limit=200
// note: reads the `reach` that graph/reach.py sets when a tie is written (2: the actors belong to different 시·도)
// columns: actor_id, actor, actor_province, partner_id, partner, partner_province, via, ties, first, last, sources, evidence
CALL {
  MATCH (a:Actor)-[r:COOPERATES_WITH]->(b:Actor)
  WHERE r.reach = 2
  RETURN a, b, 'cooperation' AS via, r.first_seen AS first, r.last_seen AS last, size(r.sources) AS n,
         [x IN r.evidence WHERE x <> ''][0] AS evidence
  UNION ALL
  MATCH (g:Agreement)
  WHERE g.reach = 2
  MATCH (a:Actor)-[r:SIGNED]->(g)<-[:SIGNED]-(b:Actor)
  WHERE a.id < b.id AND a.province_ko <> b.province_ko
  RETURN a, b, 'agreement' AS via, coalesce(g.date, r.first_seen) AS first, coalesce(g.date, r.last_seen) AS last,
         size(r.sources) AS n, [x IN r.evidence WHERE x <> ''][0] AS evidence
}
// grouped by the properties returned, not by the nodes (faster on FalkorDB, as in cross_boundary)
WITH a.id AS aid, a.name_ko AS aname, a.province_ko AS aprov, b.id AS bid, b.name_ko AS bname,
     b.province_ko AS bprov, via, first, last, n, evidence
WHERE ($since IS NULL OR last >= $since) AND ($until IS NULL OR substring(first, 0, size($until)) <= $until)
WITH aid, aname, aprov, bid, bname, bprov, collect(DISTINCT via) AS via, count(*) AS ties, min(first) AS first, max(last) AS last, toInteger(sum(n)) AS sources,
     collect(evidence)[0] AS evidence
RETURN aid AS actor_id, aname AS actor, aprov AS actor_province, bid AS partner_id,
       bname AS partner, bprov AS partner_province, via, ties, first, last, sources, evidence
ORDER BY ties DESC, sources DESC, actor, partner
LIMIT $limit
