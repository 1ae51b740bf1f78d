// name: index_agreement_date
// mode: schema
// description: Neo4j: range index on Agreement.date; the agreements question reads the newest ones in index order
// params: none
CREATE INDEX agreement_date IF NOT EXISTS FOR (n:Agreement) ON (n.date)
