-- avedi's state store, version 6: indexes for lookups every run makes, so a run's cost does
-- not grow with the history the store keeps (tests/store/query_plan_test.cpp checks the plans).

-- Every run reports the groups we sent that still have no 997 from Amazon.
CREATE INDEX documents_awaiting_ack ON documents(type, delivered_at)
  WHERE state = 'delivered' AND ack_status IS NULL;

-- avedi-route and avedi-ship: an SSCC is never issued or shipped twice (carton or pallet).
CREATE INDEX cartons_by_pallet_sscc ON cartons(pallet_sscc);
-- The POs and lines of a shipment, from its cartons.
CREATE INDEX carton_items_by_carton ON carton_items(carton_id);
-- avedi-invoice: the shipped shipments; avedi status: shipments by state.
CREATE INDEX shipments_by_state ON shipments(state);
-- avedi status: stuck and rejected files, documents not delivered or rejected by Amazon, each
-- job's last run.
CREATE INDEX files_by_state_only ON files(state);
CREATE INDEX documents_undelivered ON documents(id) WHERE state != 'delivered';
CREATE INDEX documents_rejected_by_amazon ON documents(id) WHERE ack_status IN ('rejected', 'partial');
CREATE INDEX runs_by_job ON runs(job, id);
