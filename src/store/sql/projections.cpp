#include "store/sql/projections.hpp"

#include <map>
#include <string>
#include <tuple>

#include "store/error.hpp"
#include "store/json_columns.hpp"
#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

std::string sentiment_counts(std::string_view alias) {
  const std::string a(alias);
  return "COUNT(*), COUNT(CASE WHEN " + a + ".sentiment = 'positive' THEN 1 END), COUNT(CASE WHEN " + a +
         ".sentiment = 'neutral' THEN 1 END), COUNT(CASE WHEN " + a + ".sentiment = 'negative' THEN 1 END), " +
         "COUNT(CASE WHEN " + a + ".sentiment IS NULL THEN 1 END)";
}

std::string increments(std::string_view table, const std::vector<std::string_view>& counts) {
  std::string sql;
  for (const std::string_view column : counts) {
    if (!sql.empty()) sql += ", ";
    sql += std::string(column) + " = " + std::string(table) + "." + std::string(column) + " + excluded." +
           std::string(column);
  }
  return sql;
}

std::optional<domain::Sentiment> read_sentiment(const std::optional<std::string>& label) {
  if (!label) return std::nullopt;
  const auto sentiment = domain::parse_sentiment(*label);
  if (!sentiment) throw StoreError(StoreErrorKind::corrupt, "a stored comment has an unknown sentiment");
  return sentiment;
}

// A comment stored before phrases were kept has none until its task's read models are rebuilt.
std::vector<std::string> read_phrases(const std::optional<std::string>& column) {
  return column ? decode_phrases(*column) : std::vector<std::string>{};
}

// Selects c's facts: from_id, date, likes, sentiment, keywords, phrases (columns `first`…`first + 5`).
constexpr std::string_view facts_columns = "c.from_id, c.date, c.likes, c.sentiment, c.keywords, c.phrases";

CommentFacts read_facts(const auto& row, int first) {
  return {row.int64(first),
          row.int64(first + 1),
          row.int64(first + 2),
          read_sentiment(row.opt_text(first + 3)),
          decode_keywords(row.text(first + 4)),
          read_phrases(row.opt_text(first + 5))};
}

// The per-wall read models of a task, each with a `comments` count.
constexpr std::string_view task_read_models[] = {"task_owner_totals",      "task_owner_days",    "task_owner_hours",
                                                 "task_owner_keywords",    "task_owner_authors", "task_owner_phrases",
                                                 "task_owner_phrase_words"};

std::string ids_json(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (const std::int64_t id : ids) {
    if (out.size() > 1) out += ',';
    out += '[' + std::to_string(id) + ']';
  }
  return out + ']';
}

// The tasks that receive a change: those holding the post (?1 owner_id, ?2 post_id), or only task ?3.
constexpr std::string_view receivers =
    " FROM task_posts tp WHERE tp.owner_id = ?1 AND tp.post_id = ?2 AND (?3 IS NULL OR tp.task_id = ?3)";

// How a change adds to the rows of one read-model table, keyed beyond task_id (and owner_id, for a per-wall
// table) by `key`.
struct KeyedCounts {
  std::string_view table;
  std::string_view key;
  std::string_view key_type;
  std::vector<std::string_view> counts;
  std::string rows_json;  // [[key, count…], …]
  bool per_wall = true;
};

template <class Dialect>
void apply_to_tasks(auto& c, std::int64_t owner_id, std::int64_t post_id, const ProjectionDelta& delta,
                    std::optional<std::string_view> only_task) {
  const SentimentTally& t = delta.totals();
  c.execute_later(
      "INSERT INTO task_owner_totals (task_id, owner_id, comments, likes, positive, neutral, negative, unlabelled) "
      "SELECT tp.task_id, ?1, ?4, ?5, ?6, ?7, ?8, ?9" +
          std::string(receivers) + " ON CONFLICT (task_id, owner_id) DO UPDATE SET " +
          increments("task_owner_totals", {"comments", "likes", "positive", "neutral", "negative", "unlabelled"}),
      owner_id, post_id, only_task, t.comments, delta.likes(), t.positive, t.neutral, t.negative, t.unlabelled);
  const std::string authors = delta.authors_json();  // of the wall, and summed over the task's walls
  const KeyedCounts keyed[] = {
      {"task_owner_days",
       "day",
       "bigint",
       {"comments", "positive", "neutral", "negative", "unlabelled"},
       delta.days_json()},
      {"task_owner_hours", "hour", "bigint", {"comments"}, delta.hours_json()},
      {"task_owner_keywords", "keyword", "text", {"comments"}, delta.keywords_json()},
      {"task_owner_authors", "from_id", "bigint", {"comments"}, authors},
      {"task_owner_phrases", "phrase", "text", {"comments"}, delta.phrases().phrases_json()},
      {"task_owner_phrase_words", "word", "text", {"comments"}, delta.phrases().words_json()},
      {"task_authors", "from_id", "bigint", {"comments"}, authors, false},
  };
  for (const KeyedCounts& k : keyed) {
    if (k.rows_json == "[]") continue;
    const std::string table(k.table);
    const std::string wall(k.per_wall ? "owner_id, " : "");
    std::string columns(k.key);
    std::string values = "j.c0";
    std::vector<std::string_view> types{k.key_type};
    for (const std::string_view count : k.counts) {
      values += ", j.c" + std::to_string(types.size());
      columns += ", " + std::string(count);
      types.push_back("bigint");
    }
    c.execute_later(
        "INSERT INTO " + table + " (task_id, " + wall + columns + ") SELECT tp.task_id, " + (k.per_wall ? "?1, " : "") +
            values + " FROM (" + Dialect::json_rows("?4", types) +
            ") j, task_posts tp WHERE tp.owner_id = ?1 AND tp.post_id = ?2 AND (?3 IS NULL OR tp.task_id = ?3)" +
            " ON CONFLICT (task_id, " + wall + std::string(k.key) + ") DO UPDATE SET " + increments(table, k.counts),
        owner_id, post_id, only_task, k.rows_json);
  }
  if (!delta.removes()) return;
  const std::string receiving_tasks = " AND task_id IN (SELECT tp.task_id" + std::string(receivers) + ")";
  for (const std::string_view table : task_read_models)
    c.execute_later("DELETE FROM " + std::string(table) + " WHERE comments = 0 AND owner_id = ?1" + receiving_tasks,
                    owner_id, post_id, only_task);
  c.execute_later("DELETE FROM task_authors WHERE comments = 0" + receiving_tasks, owner_id, post_id, only_task);
}

// Stores the phrases of the task's comments that have none yet (stored before phrases were kept). Deleted
// comments have no text to analyse, as at collection.
void find_missing_phrases(auto& c, const std::string& task_comments, std::string_view task_id,
                          const PhraseFinder& find_phrases) {
  struct Missing {
    std::int64_t owner_id;
    std::int64_t id;
    std::vector<std::string> phrases;
  };
  std::vector<Missing> missing;
  {
    auto rows =
        c.query("SELECT c.owner_id, c.id, c.text, c.deleted" + task_comments + " WHERE c.phrases IS NULL", task_id);
    while (rows.next())
      missing.push_back(
          {rows.int64(0), rows.int64(1), rows.boolean(3) ? std::vector<std::string>{} : find_phrases(rows.text(2))});
  }
  for (const Missing& m : missing)
    c.execute("UPDATE comments SET phrases = ?3 WHERE owner_id = ?1 AND id = ?2", m.owner_id, m.id,
              encode_phrases(m.phrases));
}

// Phrase and word counts per wall: words come from splitting the phrases, which SQL cannot do on both engines,
// so they are counted here.
template <class Dialect>
void rebuild_phrases(auto& c, const std::string& task_comments, std::string_view task_id) {
  std::map<std::int64_t, PhraseTally> by_owner;
  {
    auto rows = c.query("SELECT c.owner_id, c.phrases" + task_comments + " WHERE c.phrases IS NOT NULL", task_id);
    while (rows.next()) by_owner[rows.int64(0)].add(decode_phrases(rows.text(1)), +1);
  }
  for (const auto& [owner_id, tally] : by_owner) {
    for (const auto& [table, key, rows_json] : {std::tuple{"task_owner_phrases", "phrase", tally.phrases_json()},
                                                std::tuple{"task_owner_phrase_words", "word", tally.words_json()}})
      c.execute("INSERT INTO " + std::string(table) + " (task_id, owner_id, " + key +
                    ", comments) SELECT ?1, ?2, j.c0, j.c1 FROM (" + Dialect::json_rows("?3", {"text", "bigint"}) +
                    ") j",
                task_id, owner_id, rows_json);
  }
}

// Triggers (migrations/*/0013_ranked_authors.sql) count a task's and its walls' authors as their rows come and
// go; a rebuild counts them again from the rows, so that comparing it with what ingest kept checks the triggers.
void count_authors(auto& c, std::string_view task_id) {
  c.execute(
      "UPDATE task_owner_totals SET authors = (SELECT COUNT(*) FROM task_owner_authors a WHERE a.task_id = ?1 AND "
      "a.owner_id = task_owner_totals.owner_id AND a.from_id <> 0) WHERE task_id = ?1",
      task_id);
  c.execute("DELETE FROM task_totals WHERE task_id = ?1", task_id);
  c.execute(
      "INSERT INTO task_totals (task_id, authors) SELECT ?1, COUNT(*) FROM task_authors WHERE task_id = ?1 AND "
      "from_id <> 0",
      task_id);
}

}  // namespace

template <class Database>
ProjectionDelta Projections<Database>::delta_of_write(Connection& c, std::int64_t owner_id,
                                                      const std::vector<domain::Comment>& comments,
                                                      const std::set<std::int64_t>& inserted) {
  using Dialect = typename Database::Dialect;
  std::map<std::int64_t, const domain::Comment*> latest;  // a page may repeat a comment: its last copy counts
  for (const domain::Comment& comment : comments) latest[comment.id] = &comment;
  std::map<std::int64_t, CommentFacts> stored;
  std::vector<std::int64_t> known;  // not just inserted: perhaps stored before
  for (const auto& [id, comment] : latest)
    if (!inserted.contains(id)) known.push_back(id);
  if (!known.empty()) {
    auto rows =
        c.query("SELECT c.id, " + std::string(facts_columns) + " FROM comments c WHERE c.owner_id = ?1 AND " +
                    Dialect::in_json_numbers("c.id", "?2"),
                owner_id, ids_json(known));
    while (rows.next()) stored.emplace(rows.int64(0), read_facts(rows, 1));
  }
  ProjectionDelta delta;
  for (const auto& [id, comment] : latest) {
    const auto found = stored.find(id);
    delta.change(found == stored.end() ? std::nullopt : std::optional<CommentFacts>(found->second), facts_of(*comment));
  }
  return delta;
}

template <class Database>
void Projections<Database>::apply(Connection& c, std::int64_t owner_id, std::int64_t post_id,
                                  const ProjectionDelta& delta) {
  if (delta.empty()) return;
  apply_to_tasks<typename Database::Dialect>(c, owner_id, post_id, delta, std::nullopt);
  const SentimentTally& t = delta.totals();
  c.execute_later(
      "INSERT INTO post_totals (owner_id, post_id, comments, positive, neutral, negative, unlabelled) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (owner_id, post_id) DO UPDATE SET " +
          increments("post_totals", {"comments", "positive", "neutral", "negative", "unlabelled"}),
      owner_id, post_id, t.comments, t.positive, t.neutral, t.negative, t.unlabelled);
  if (delta.removes())
    c.execute_later("DELETE FROM post_totals WHERE owner_id = ?1 AND post_id = ?2 AND comments = 0", owner_id, post_id);
}

template <class Database>
void Projections<Database>::add_post_to_task(Connection& c, std::string_view task_id, std::int64_t owner_id,
                                             std::int64_t post_id) {
  ProjectionDelta delta;
  {
    auto rows = c.query("SELECT " + std::string(facts_columns) +
                            " FROM comments c WHERE c.owner_id = ?1 AND "
                            "c.post_id = ?2",
                        owner_id, post_id);
    while (rows.next()) delta.add(read_facts(rows, 0), +1);
  }
  if (!delta.empty()) apply_to_tasks<typename Database::Dialect>(c, owner_id, post_id, delta, task_id);
}

template <class Database>
void Projections<Database>::rebuild(Connection& c, std::string_view task_id, const PhraseFinder& find_phrases) {
  using Dialect = typename Database::Dialect;
  for (const std::string_view table : task_read_models)
    c.execute("DELETE FROM " + std::string(table) + " WHERE task_id = ?1", task_id);
  c.execute("DELETE FROM task_authors WHERE task_id = ?1", task_id);
  const std::string task_comments =
      " FROM comments c JOIN task_posts tp ON tp.owner_id = c.owner_id AND tp.post_id = c.post_id AND "
      "tp.task_id = ?1";
  if (find_phrases) find_missing_phrases(c, task_comments, task_id, find_phrases);
  rebuild_phrases<Dialect>(c, task_comments, task_id);
  const std::string counts = sentiment_counts("c");
  c.execute(
      "INSERT INTO task_owner_totals (task_id, owner_id, comments, positive, neutral, negative, unlabelled, "
      "likes) SELECT ?1, c.owner_id, " +
          counts + ", SUM(c.likes)" + task_comments + " GROUP BY c.owner_id",
      task_id);
  c.execute(
      "INSERT INTO task_owner_days (task_id, owner_id, day, comments, positive, neutral, negative, "
      "unlabelled) SELECT ?1, c.owner_id, c.date / 86400, " +
          counts + task_comments + " GROUP BY c.owner_id, c.date / 86400",
      task_id);
  c.execute(
      "INSERT INTO task_owner_hours (task_id, owner_id, hour, comments) "
      "SELECT ?1, c.owner_id, (c.date / 3600 + 72) % 168, COUNT(*)" +
          task_comments + " GROUP BY c.owner_id, (c.date / 3600 + 72) % 168",
      task_id);
  c.execute(
      "INSERT INTO task_owner_authors (task_id, owner_id, from_id, comments) "
      "SELECT ?1, c.owner_id, c.from_id, COUNT(*)" +
          task_comments + " GROUP BY c.owner_id, c.from_id",
      task_id);
  c.execute("INSERT INTO task_authors (task_id, from_id, comments) SELECT ?1, c.from_id, COUNT(*)" + task_comments +
                " GROUP BY c.from_id",
            task_id);
  count_authors(c, task_id);
  c.execute(
      "INSERT INTO task_owner_keywords (task_id, owner_id, keyword, comments) "
      "SELECT ?1, c.owner_id, k.value, COUNT(*)" +
          task_comments + std::string(Dialect::each_keyword) + " GROUP BY c.owner_id, k.value",
      task_id);
  c.execute(
      "DELETE FROM post_totals WHERE (owner_id, post_id) IN (SELECT owner_id, post_id FROM task_posts "
      "WHERE task_id = ?1)",
      task_id);
  c.execute(
      "INSERT INTO post_totals (owner_id, post_id, comments, positive, neutral, negative, unlabelled) "
      "SELECT c.owner_id, c.post_id, " +
          counts + task_comments + " GROUP BY c.owner_id, c.post_id",
      task_id);
  c.execute("DELETE FROM projection_rebuilds WHERE task_id = ?1", task_id);
}

template struct Projections<sqlite::Database>;
template struct Projections<postgres::Database>;

}  // namespace vka::store::sql
