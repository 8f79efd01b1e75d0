#include "http/metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace vka::http {

namespace {

std::string escape_label(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string render_labels(const Labels& labels) {
  std::string out;
  for (const auto& [key, value] : labels) {
    out += out.empty() ? "" : ",";
    out += fmt::format("{}=\"{}\"", key, escape_label(value));
  }
  return out;
}

std::string with_braces(std::string_view labels, std::string_view extra = {}) {
  if (labels.empty() && extra.empty()) return "";
  return fmt::format("{{{}{}{}}}", labels, labels.empty() || extra.empty() ? "" : ",", extra);
}

std::string number(double value) { return fmt::format("{}", value); }

}  // namespace

void Metrics::describe_counter(std::string name, std::string help) {
  std::lock_guard lock{mutex_};
  families_[name] = Family{"counter", std::move(help), {}, {}, {}};
}

void Metrics::describe_gauge(std::string name, std::string help) {
  std::lock_guard lock{mutex_};
  families_[name] = Family{"gauge", std::move(help), {}, {}, {}};
}

void Metrics::describe_histogram(std::string name, std::string help, std::vector<double> upper_bounds) {
  std::sort(upper_bounds.begin(), upper_bounds.end());
  std::lock_guard lock{mutex_};
  families_[name] = Family{"histogram", std::move(help), std::move(upper_bounds), {}, {}};
}

Metrics::Family& Metrics::family(std::string_view name, std::string_view type) {
  const auto it = families_.find(name);
  if (it == families_.end() || it->second.type != type)
    throw std::logic_error(fmt::format("metric {} is not a described {}", name, type));
  return it->second;
}

void Metrics::increment(std::string_view name, const Labels& labels, double by) {
  std::lock_guard lock{mutex_};
  family(name, "counter").values[render_labels(labels)] += by;
}

void Metrics::set(std::string_view name, const Labels& labels, double value) {
  std::lock_guard lock{mutex_};
  family(name, "gauge").values[render_labels(labels)] = value;
}

void Metrics::observe(std::string_view name, const Labels& labels, double value) {
  std::lock_guard lock{mutex_};
  auto& fam = family(name, "histogram");
  auto& histogram = fam.histograms[render_labels(labels)];
  histogram.bucket_counts.resize(fam.upper_bounds.size());
  const auto bucket = std::lower_bound(fam.upper_bounds.begin(), fam.upper_bounds.end(), value);
  if (bucket != fam.upper_bounds.end()) ++histogram.bucket_counts[bucket - fam.upper_bounds.begin()];
  ++histogram.count;
  histogram.sum += value;
}

std::string Metrics::render() const {
  std::lock_guard lock{mutex_};
  std::string out;
  for (const auto& [name, fam] : families_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, fam.help, name, fam.type);
    for (const auto& [labels, value] : fam.values)
      out += fmt::format("{}{} {}\n", name, with_braces(labels), number(value));
    for (const auto& [labels, histogram] : fam.histograms) {
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < fam.upper_bounds.size(); ++i) {
        cumulative += histogram.bucket_counts[i];
        out += fmt::format("{}_bucket{} {}\n", name,
                           with_braces(labels, fmt::format("le=\"{}\"", number(fam.upper_bounds[i]))), cumulative);
      }
      out += fmt::format("{}_bucket{} {}\n", name, with_braces(labels, "le=\"+Inf\""), histogram.count);
      out += fmt::format("{}_sum{} {}\n", name, with_braces(labels), number(histogram.sum));
      out += fmt::format("{}_count{} {}\n", name, with_braces(labels), histogram.count);
    }
  }
  return out;
}

}  // namespace vka::http
