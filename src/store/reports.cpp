// The operator's queries. The timeline of a PO collects the transitions of every entity that
// belongs to it: the PO itself, the files it came in and was shipped from, its documents, its
// shipments and cartons' shipments, in time order.
#include "store/reports.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/database.h"

namespace store {

Table query_table(Db& db, const std::string& sql, const std::vector<std::string>& parameters) {
  SQLite::Statement query(db.sql(), sql);
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    query.bind(static_cast<int>(i + 1), parameters[i]);
  }
  Table table;
  for (int column = 0; column < query.getColumnCount(); ++column) {
    table.columns.emplace_back(query.getColumnName(column));
  }
  while (query.executeStep()) {
    std::vector<std::string> row;
    for (int column = 0; column < query.getColumnCount(); ++column) {
      row.push_back(query.getColumn(column).isNull() ? "" : query.getColumn(column).getString());
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

Table orders_by_state(Db& db) {
  return query_table(db,
                     "SELECT state, count(*) AS orders FROM purchase_orders GROUP BY state "
                     "ORDER BY state");
}

Table shipments_by_state(Db& db) {
  return query_table(db,
                     "SELECT state, count(*) AS shipments FROM shipments GROUP BY state "
                     "ORDER BY state");
}

Table files_in_error(Db& db) {
  return query_table(db,
                     "SELECT id, job, original_name AS file, stored_path AS path, "
                     "substr(reason, 1, instr(reason || char(10), char(10)) - 1) AS first_reason "
                     "FROM files WHERE state = 'error' ORDER BY id");
}

Table unfinished_files_table(Db& db) {
  return query_table(db,
                     "SELECT id, job, original_name AS file, work_path, received_at FROM files "
                     "WHERE state = 'claiming' ORDER BY id");
}

Table last_runs(Db& db) {
  return query_table(
      db,
      "SELECT r.job, r.id AS run, r.started_at, coalesce(r.ended_at, '') AS ended_at, "
      "coalesce(r.exit_code, '') AS exit_code FROM runs r WHERE r.id IN "
      "(SELECT max(id) FROM runs GROUP BY job) ORDER BY r.job");
}

Table last_successful_runs(Db& db) {
  return query_table(db,
                     "SELECT job, max(ended_at) FROM runs WHERE exit_code IN (0, 65) "
                     "AND job LIKE 'avedi-%' GROUP BY job ORDER BY job");
}

Table acknowledgments_due(Db& db, const std::string& limit) {
  return query_table(db,
                     "SELECT po_number, received_at, ack_due_at FROM purchase_orders "
                     "WHERE state = 'received' AND ack_due_at <= ? ORDER BY ack_due_at",
                     {limit});
}

Table undelivered_documents(Db& db) {
  return query_table(db,
                     "SELECT id, type, file_name, created_at FROM documents WHERE state != "
                     "'delivered' ORDER BY id");
}

Table rejected_documents(Db& db) {
  return query_table(
      db,
      "SELECT id, type, file_name, ack_status, coalesce(ack_codes, '') AS codes, "
      "ack_at FROM documents WHERE ack_status IN ('rejected', 'partial') ORDER BY id");
}

Table orders(Db& db, const std::string& state, const std::string& since) {
  return query_table(db,
                     "SELECT po_number, state, received_at, ack_due_at, lines, ordered, accepted, "
                     "backordered, rejected FROM v_orders WHERE (? = '' OR state = ?) AND "
                     "(? = '' OR received_at >= ?) ORDER BY id",
                     {state, state, since, since});
}

std::optional<OrderReport> order_report(Db& db, const std::string& po_number) {
  OrderReport report;
  report.order = query_table(db,
                             "SELECT po_number, state, vendor_code, ship_to_fc, freight_terms, "
                             "received_at, ack_due_at, coalesce(acknowledged_at, '') AS "
                             "acknowledged_at FROM purchase_orders WHERE po_number = ?",
                             {po_number});
  if (report.order.rows.empty()) return std::nullopt;
  // Entities of this PO: the PO, its documents (855, 856, 810 by business key; a batch's 855
  // through its set), its shipments.
  // Each part is an indexed lookup joined by UNION (an OR of them scanned the documents index,
  // growing with every document ever sent); the 810 keys "810:po:N:..." are a key range
  // (';' follows ':'), and CROSS JOIN keeps the entity lists on the outer side of each join.
  const std::string scope =
      "WITH po AS (SELECT id FROM purchase_orders WHERE po_number = ?1), "
      "its_shipments AS (SELECT DISTINCT c.shipment_id AS id FROM po_lines l "
      "  CROSS JOIN carton_items i ON i.po_line_id = l.id CROSS JOIN cartons c ON c.id = "
      "  i.carton_id WHERE l.po_id = (SELECT id FROM po)), "
      "its_sets AS (SELECT id, document_id FROM document_sets WHERE business_key = '855:po:' "
      "  || (SELECT id FROM po) "
      "  UNION SELECT id, document_id FROM document_sets WHERE business_key > '810:po:' || "
      "  (SELECT id FROM po) || ':' AND business_key < '810:po:' || (SELECT id FROM po) || ';' "
      "  UNION SELECT s.id, s.document_id FROM its_shipments os CROSS JOIN document_sets s "
      "  ON s.business_key IN ('856:shipment:' || os.id, '753:shipment:' || os.id)), "
      "its_documents AS (SELECT id FROM documents WHERE business_key = '855:po:' || (SELECT id "
      "  FROM po) "
      "  UNION SELECT document_id FROM its_sets "
      "  UNION SELECT id FROM documents WHERE business_key > '810:po:' || (SELECT id FROM po) || "
      "  ':' AND business_key < '810:po:' || (SELECT id FROM po) || ';' "
      "  UNION SELECT d.id FROM its_shipments os CROSS JOIN documents d "
      "  ON d.business_key = '856:shipment:' || os.id "
      "  UNION SELECT d.id FROM its_shipments os CROSS JOIN documents d "
      "  ON d.business_key = '753:shipment:' || os.id), "
      "its_transitions AS (SELECT id FROM transitions WHERE entity_type = 'purchase_order' AND "
      "  entity_id = (SELECT id FROM po) "
      "  UNION ALL SELECT t.id FROM its_documents od CROSS JOIN transitions t "
      "  ON t.entity_type IN ('document', 'document_ack') AND t.entity_id = od.id "
      "  UNION ALL SELECT t.id FROM its_sets os CROSS JOIN transitions t "
      "  ON t.entity_type = 'document_set' AND t.entity_id = os.id "
      "  UNION ALL SELECT t.id FROM its_shipments os CROSS JOIN transitions t "
      "  ON t.entity_type = 'shipment' AND t.entity_id = os.id "
      "  UNION ALL SELECT t.id FROM invoices v CROSS JOIN transitions t "
      "  ON t.entity_type = 'invoice' AND t.entity_id = v.id WHERE v.po_id = (SELECT id FROM po)) ";
  report.timeline = query_table(
      db,
      scope +
          "SELECT t.at, t.job, t.entity_type AS entity, t.entity_id AS id, "
          "coalesce(t.from_state, '') AS from_state, t.to_state, coalesce(f.original_name, '') "
          "AS file, coalesce(t.detail, '') AS detail FROM transitions t "
          "LEFT JOIN files f ON f.id = t.file_id WHERE t.id IN (SELECT id FROM its_transitions) "
          "ORDER BY t.id",
      {po_number});
  report.lines = query_table(db,
                             "SELECT l.line_id AS line, coalesce(l.sku, '') AS sku, l.quantity AS "
                             "ordered, l.uom, l.accepted, l.backordered, l.rejected, "
                             "coalesce(p.shipped_units, 0) AS shipped_each, "
                             // What the invoices of its shipments billed (schema 13).
                             "(SELECT coalesce(sum(i.shipped_units), 0) FROM carton_items i "
                             "JOIN cartons c ON c.id = i.carton_id JOIN invoices v ON v.po_id = "
                             "l.po_id AND v.shipment_id = c.shipment_id WHERE i.po_line_id = "
                             "l.id) AS invoiced_each, "
                             "coalesce(l.resolution, '') AS note FROM po_lines l JOIN "
                             "purchase_orders o ON o.id = l.po_id LEFT JOIN line_progress p "
                             "ON p.po_line_id = l.id WHERE o.po_number = ? "
                             "ORDER BY l.position",
                             {po_number});
  report.documents = query_table(
      db,
      scope +
          "SELECT d.id, d.type, d.file_name, coalesce(d.interchange_control, '') AS isa13, "
          "coalesce(d.group_control, '') AS gs06, coalesce(s.set_control, '') AS st02, "
          "d.state, coalesce(s.ack_status, d.ack_status, 'no 997 yet') AS amazon_997 "
          "FROM documents d LEFT JOIN document_sets s ON s.id IN (SELECT id FROM its_sets) "
          "AND s.document_id = d.id WHERE d.id IN (SELECT id FROM its_documents) "
          "ORDER BY d.id",
      {po_number});
  report.shipments = query_table(
      db,
      scope +
          "SELECT s.supplier_reference AS shipment, s.state, coalesce(s.arn, '') AS arn, "
          "coalesce(s.carrier_scac, '') AS carrier, coalesce(s.ship_date, '') AS ship_date, "
          "(SELECT group_concat(sscc, ' ') FROM cartons c WHERE c.shipment_id = s.id) AS ssccs "
          "FROM shipments s WHERE s.id IN (SELECT id FROM its_shipments) ORDER BY s.id",
      {po_number});
  return report;
}

Table files(Db& db, const std::string& state) {
  return query_table(db,
                     "SELECT id, job, original_name AS file, state, received_at, "
                     "coalesce(stored_path, '') AS path FROM files WHERE (? = '' OR state = ?) "
                     "ORDER BY id",
                     {state, state});
}

std::optional<Table> file_history(Db& db, long long file_id) {
  std::string id = std::to_string(file_id);
  Table exists = query_table(db, "SELECT 1 FROM files WHERE id = ?", {id});
  if (exists.rows.empty()) return std::nullopt;
  return query_table(db,
                     "SELECT at, job, entity_type AS entity, entity_id AS id, "
                     "coalesce(from_state, '') AS from_state, to_state, coalesce(detail, '') AS "
                     "detail FROM transitions WHERE file_id = ? ORDER BY id",
                     {id});
}

}  // namespace store
