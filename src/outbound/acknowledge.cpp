// The acknowledge job. One transaction per batch of POs: each PO's line decisions, its 855
// (a set of one of the batch's interchanges, with their control numbers) and its state changes
// commit together with the release CSV of the batch's accepted lines; then the documents are
// delivered. POs acknowledged but not released
// (by an older avedi, whose release came after a commit of its own) are released at the end.
#include "outbound/acknowledge.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "exchange/catalog.h"
#include "model/allocation.h"
#include "outbound/order_release.h"
#include "runner/amazon_sets.h"
#include "runner/freed_memory.h"
#include "runner/outbox.h"
#include "store/database.h"
#include "store/orders.h"
#include "transactions/amazon_mapping.h"
#include "transactions/po_acknowledgment_855.h"
#include "util/crash_point.h"
#include "util/file.h"
#include "x12/writer.h"

namespace outbound {
namespace {

exchange::Catalog load_catalog(const runner::Config& config) {
  std::string text;
  try {
    text = util::read_file(config.catalog);
  } catch (const util::IoError& error) {
    throw runner::ConfigError(fmt::format("{}: catalog: {}", config.path, error.what()));
  }
  std::vector<exchange::CsvProblem> problems;
  std::optional<exchange::Catalog> catalog = exchange::Catalog::parse(text, problems);
  if (!catalog) {
    std::string all;
    for (const exchange::CsvProblem& problem : problems) {
      all += "\n  " + exchange::format_csv_problem(config.catalog, problem);
    }
    throw runner::ConfigError(fmt::format("{}: catalog is invalid:{}", config.path, all));
  }
  return *catalog;
}

class Acknowledger {
 public:
  Acknowledger(runner::JobContext& context, const exchange::Catalog& catalog,
               const store::Snapshot& snapshot)
      : context_(context),
        catalog_(catalog),
        snapshot_(snapshot),
        allocated_(store::allocated_units_by_sku(context.db)),
        free_units_(catalog.size()) {
    const runner::Acknowledge& settings = context.config.acknowledge;
    dates_.ship_date =
        util::format_time(context.now + std::chrono::days(settings.ship_lead_days), "%Y%m%d");
    dates_.backorder_date =
        util::format_time(context.now + std::chrono::days(settings.backorder_lead_days), "%Y%m%d");
  }

  // Decides, stores and stages the 855 of each PO of `batch` and releases the batch to the
  // 3PL (part `part` of this run's releases), in one transaction: a backlog costs one commit
  // (and one sync of the staging files) per batch, not per PO, and each PO's lines are read
  // once. The batch's 855s go out as the sets of a few interchanges (runner::stage_amazon_sets).
  void acknowledge(std::vector<store::StoredOrder>& batch, int part) {
    std::vector<std::optional<std::int64_t>> free_before = free_units_;
    std::vector<std::string> log_lines;
    try {
      store::Transaction transaction(context_.db);
      // An interchange's worth of POs at a time: decided, staged as its sets, recorded. The
      // decisions of a whole batch held at once would add their copies to its peak.
      const std::size_t per_interchange =
          static_cast<std::size_t>(std::max(1, amazon::kSetsPerInterchange));
      for (std::size_t begin = 0; begin < batch.size(); begin += per_interchange) {
        std::span<store::StoredOrder> orders(batch.data() + begin,
                                             std::min(per_interchange, batch.size() - begin));
        acknowledge_together(orders, log_lines);
      }
      std::string released = stage_release(context_, batch, part);
      if (!released.empty()) log_lines.push_back(released);
      util::crash_point("before_commit");
      runner::commit_staged(context_, transaction);
      util::crash_point("after_commit");
    } catch (...) {
      free_units_ = free_before;  // nothing of this batch was committed
      throw;
    }
    for (const std::string& line : log_lines) runner::log_info(context_, line);
    for (const store::StoredOrder& order : batch) {
      if (context_.actor.now > order.ack_due_at) {
        runner::log_warning(context_, fmt::format("PO {} was acknowledged after its deadline {}",
                                                  order.po_number, order.ack_due_at));
      }
    }
    acknowledged_ += static_cast<int>(batch.size());
  }

  int acknowledged() const { return acknowledged_; }

 private:
  // Decides `orders`, stages their 855s as the sets of one interchange and records each.
  void acknowledge_together(std::span<store::StoredOrder> orders,
                            std::vector<std::string>& log_lines) {
    // Shared with the 855s' bodies, which the build thread runs after this returns.
    auto decided = std::make_shared<std::vector<Decided>>();
    decided->reserve(orders.size());
    for (store::StoredOrder& order : orders) decided->push_back(decide(order));
    std::vector<runner::BatchSet> sets;
    sets.reserve(orders.size());
    for (std::size_t i = 0; i < orders.size(); ++i) {
      sets.push_back({fmt::format("855:po:{}", orders[i].id), orders[i].file_id, [decided, i] {
                        const Decided& po = (*decided)[i];
                        return transactions::acknowledgment_855(po.order, po.decisions);
                      }});
    }
    std::vector<runner::PlacedSet> placed =
        runner::stage_amazon_sets(context_, "855", runner::X12Version::k4010, sets);
    for (std::size_t i = 0; i < orders.size(); ++i) {
      record(orders[i], (*decided)[i], placed[i], log_lines);
    }
  }

  // A PO and what was decided for each of its lines.
  struct Decided {
    model::PurchaseOrder order;
    std::vector<model::LineDecision> decisions;
  };

  // Decides each line of `order` (stored into its lines) against the stock not yet promised.
  Decided decide(store::StoredOrder& order) {
    Decided decided{store::to_purchase_order(order), {}};
    decided.decisions.reserve(order.lines.size());
    for (std::size_t i = 0; i < order.lines.size(); ++i) {
      const model::OrderLine& line = decided.order.lines[i];
      model::LineFacts facts;
      exchange::Resolution resolution = catalog_.resolve(line.ids);
      if (resolution.item == nullptr) {
        facts.unresolved = resolution.reason;
      } else {
        facts.sku = resolution.item->sku;
        facts.discontinued = resolution.item->discontinued;
        facts.case_pack = resolution.item->case_pack;
        facts.free_units = free_units(*resolution.item);
      }
      model::LineDecision decision =
          model::allocate_line(line, facts, order.backorder_allowed, dates_);
      if (!decision.sku.empty() && resolution.item != nullptr) {
        *free_units_[catalog_.position_of(*resolution.item)] -=
            decision.accepted * decision.units_per_uom;
      }
      store::StoredLine& stored = order.lines[i];
      stored.sku = decision.sku;
      stored.units_per_uom = decision.units_per_uom;
      stored.accepted = decision.accepted;
      stored.backordered = decision.backordered;
      stored.rejected = decision.rejected;
      stored.ship_date = decision.ship_date;
      stored.backorder_date = decision.backorder_date;
      stored.resolution = decision.reason;
      decided.decisions.push_back(std::move(decision));
    }
    return decided;
  }

  // Stores the decisions of `order` and its state change, naming the set its 855 went in.
  void record(store::StoredOrder& order, const Decided& decided, const runner::PlacedSet& placed,
              std::vector<std::string>& log_lines) {
    std::string summary = summarize(decided.order, decided.decisions);
    std::string sent = fmt::format("{} set {}", placed.file_name, placed.set_control);
    store::record_acknowledgment(context_.db, context_.actor, order,
                                 fmt::format("855 {}: {}", sent, summary));
    order.state = "acknowledged";
    log_lines.push_back(fmt::format("PO {} acknowledged: {} ({})", order.po_number, summary, sent));
  }

  // Stock of `item` not yet promised: the snapshot minus what acknowledged orders hold.
  std::int64_t free_units(const exchange::CatalogItem& item) {
    std::optional<std::int64_t>& known = free_units_[catalog_.position_of(item)];
    if (known) return *known;
    auto held = allocated_.find(item.sku);
    known = store::available_units(context_.db, snapshot_.id, item.sku) -
            (held == allocated_.end() ? 0 : held->second);
    return *known;
  }

  static std::string summarize(const model::PurchaseOrder& order,
                               const std::vector<model::LineDecision>& decisions) {
    int full = 0, backordered = 0, rejected = 0;
    for (const model::LineDecision& decision : decisions) {
      full += decision.backordered == 0 && decision.rejected == 0;
      backordered += decision.backordered > 0;
      rejected += decision.rejected > 0;
    }
    return fmt::format(
        "{} line(s): {} accepted in full, {} with a backorder, {} with a "
        "rejection ({})",
        order.lines.size(), full, backordered, rejected,
        transactions::accepted_as_ordered(decisions) ? "AD" : "AC");
  }

  runner::JobContext& context_;
  const exchange::Catalog& catalog_;
  store::Snapshot snapshot_;
  // Units each SKU's open orders held when the run started; free_units_ follows this run's.
  std::map<std::string, std::int64_t> allocated_;
  model::AllocationDates dates_;
  // Per catalog item (by position), once looked up: a vector, as every line of a backlog reads
  // and updates it.
  std::vector<std::optional<std::int64_t>> free_units_;
  int acknowledged_ = 0;
};

// POs handled per transaction (acknowledged and released, or checked for their deadline):
// bounds the memory a backlog takes and the commits and syncs it costs. Issue 8 allows a job
// 1.5x its largest input file + 64 MB: with 1,000 POs of about 50 lines a batch peaked at
// 95 MB (limit 72 MB for the 5 MB input of the quick benchmark), with 500 at 68 MB.
constexpr int kBatch = 500;

void log_deadlines_of(runner::JobContext& context, const std::vector<store::StoredOrder>& orders,
                      int warn_hours) {
  for (const store::StoredOrder& order : orders) {
    std::optional<util::TimePoint> due = util::parse_iso8601(order.ack_due_at);
    if (!due) continue;
    auto left = std::chrono::duration_cast<std::chrono::minutes>(*due - context.now);
    if (left.count() < 0) {
      runner::log_warning(
          context,
          fmt::format("PO {} is PAST its 855 deadline ({}, {} h {} min ago)", order.po_number,
                      order.ack_due_at, -left.count() / 60, -left.count() % 60));
    } else if (left < std::chrono::hours(warn_hours)) {
      runner::log_warning(
          context,
          fmt::format("PO {} must be acknowledged by {} ({} h {} min left)", order.po_number,
                      order.ack_due_at, left.count() / 60, left.count() % 60));
    }
  }
}

void log_deadlines(runner::JobContext& context) {
  const int warn_hours = context.config.acknowledge.warn_hours;
  std::int64_t after = 0;
  while (true) {
    std::vector<store::StoredOrder> orders =
        store::orders_in_state(context.db, "received", after, kBatch);
    if (orders.empty()) return;
    after = orders.back().id;
    log_deadlines_of(context, orders, warn_hours);
  }
}

}  // namespace

runner::FileJobResult acknowledge_orders(runner::JobContext& context,
                                         const std::optional<std::string>&) {
  runner::FileJobResult result;
  runner::remove_orphan_staging(context);
  result.documents += runner::deliver_staged_unless_stopped(context);
  exchange::Catalog catalog = load_catalog(context.config);
  std::optional<store::Snapshot> snapshot = store::latest_snapshot(context.db);
  int parts = 0;  // release CSVs (or batches releasing nothing) of this run so far
  if (!snapshot) {
    if (std::int64_t waiting = store::count_orders_in_state(context.db, "received")) {
      runner::log_warning(
          context, fmt::format("no stock snapshot yet (run avedi-stock): {} PO(s) wait", waiting));
    }
  } else {
    // A page at a time: a backlog of any size takes the memory of one batch. A batch touches
    // thousands of pages (its lines, 855s, transitions): a 16 MB cache reads a third fewer.
    context.db.set_cache_megabytes(16);
    // What a batch frees is kept for the next: 92k page faults at 20,000 POs, 14k kept, the
    // same 63 MB peak.
    runner::keep_freed_memory();
    Acknowledger acknowledger(context, catalog, *snapshot);
    std::int64_t after = 0;
    for (;; ++parts) {
      std::vector<store::StoredOrder> batch =
          store::orders_in_state(context.db, "received", after, kBatch);
      if (batch.empty()) break;
      after = batch.back().id;
      acknowledger.acknowledge(batch, parts);
      result.documents += runner::deliver_staged_unless_stopped(context);
    }
    result.archived = acknowledger.acknowledged();
  }
  release_acknowledged(context, parts, kBatch);
  result.documents += runner::deliver_staged_unless_stopped(context);
  log_deadlines(context);
  return result;
}

}  // namespace outbound
