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
  RETURN a, b, 'cooperation' AS via, r.first_seen AS first, r.last_seen AS last, size(r.sources) AS n, r AS tie
  UNION ALL
  MATCH (g:Agreement)
  WHERE g.reach = 2
  // an agreement's signers listed once, then paired (the smaller id first, its SIGNED as the tie), instead
  // of matching signer against signer: the embedded store traversed 4,000 rows for 930 pairs (29 → 25 ms)
  MATCH (p:Actor)-[s:SIGNED]->(g)
  WITH g, p, s
  ORDER BY p.id
  WITH g, collect(p) AS ps, collect(s) AS ss
  UNWIND range(0, size(ps) - 2) AS i
  UNWIND range(i + 1, size(ps) - 1) AS j
  WITH g, ps[i] AS a, ps[j] AS b, ss[i] AS r
  WHERE a.province_ko <> b.province_ko
  RETURN a, b, 'agreement' AS via, coalesce(g.date, r.first_seen) AS first, coalesce(g.date, r.last_seen) AS last,
         size(r.sources) AS n, r AS tie
}
// Each tie travels as itself and its evidence sentence is read only for the page returned (the first tie
// with one), and pairs are grouped by their nodes with the names read once per pair, not per tie: on Neo4j
// 38 → 28 ms at 100,000 relationships, on the embedded store no slower. Ids break ties of name (서구 of
// 부산 and of 광주), so that both stores return the same page.
WITH a, b, via, first, last, n, tie
WHERE ($since IS NULL OR last >= $since) AND ($until IS NULL OR substring(first, 0, size($until)) <= $until)
WITH a, b, collect(DISTINCT via) AS via, count(*) AS ties, min(first) AS first, max(last) AS last,
     toInteger(sum(n)) AS sources, collect(tie) AS tie_list
WITH a, b, via, ties, first, last, sources, tie_list, a.name_ko AS aname, b.name_ko AS bname
ORDER BY ties DESC, sources DESC, aname, bname, a.id, b.id
LIMIT $limit
RETURN a.id AS actor_id, aname AS actor, a.province_ko AS actor_province, b.id AS partner_id,
       bname AS partner, b.province_ko AS partner_province, via, ties, first, last, sources,
       [x IN [t IN tie_list | [y IN t.evidence WHERE y <> ''][0]] WHERE x IS NOT NULL][0] AS evidence
ORDER BY ties DESC, sources DESC, actor, partner, actor_id, partner_id
