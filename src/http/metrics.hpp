#pragma once
// In-process metrics rendered in the Prometheus text format (version 0.0.4).
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vka::http {

using Labels = std::vector<std::pair<std::string, std::string>>;

class Metrics {
 public:
  void describe_counter(std::string name, std::string help);
  void describe_gauge(std::string name, std::string help);
  void describe_histogram(std::string name, std::string help, std::vector<double> upper_bounds);

  void increment(std::string_view name, const Labels& labels, double by = 1);
  void set(std::string_view name, const Labels& labels, double value);
  void observe(std::string_view name, const Labels& labels, double value);

  std::string render() const;

 private:
  struct Histogram {
    std::vector<std::uint64_t> bucket_counts;  // cumulative counts are made at render time
    std::uint64_t count = 0;
    double sum = 0;
  };
  struct Family {
    std::string type;  // counter, gauge, histogram
    std::string help;
    std::vector<double> upper_bounds;
    std::map<std::string, double> values;         // rendered labels → value
    std::map<std::string, Histogram> histograms;  // rendered labels → histogram
  };
  Family& family(std::string_view name, std::string_view type);

  mutable std::mutex mutex_;
  std::map<std::string, Family, std::less<>> families_;
};

}  // namespace vka::http
