#include "app/collect_progress.hpp"

#include <gtest/gtest.h>
#include <stdio.h>

#include <cstdlib>

namespace vka::app {
namespace {

using namespace std::chrono_literals;

domain::TaskProgress midway() {
  domain::TaskProgress p;
  p.groups_total = 6;
  p.groups_done = 3;
  p.posts_found = 72;
  p.posts_done = 40;
  p.comments_expected = 400;
  p.comments_collected = 100;
  p.vk_requests = 57;
  p.eta_seconds = 80;
  return p;
}

TEST(CollectProgress, FormatsDurations) {
  EXPECT_EQ(format_duration(0), "0s");
  EXPECT_EQ(format_duration(59), "59s");
  EXPECT_EQ(format_duration(65), "1m05s");
  EXPECT_EQ(format_duration(3599), "59m59s");
  EXPECT_EQ(format_duration(7620), "2h07m");
  EXPECT_EQ(format_duration(-5), "0s");
}

TEST(CollectProgress, SummaryShowsEveryCounterAndTheEtaWhenKnown) {
  auto p = midway();
  EXPECT_EQ(progress_summary(p), "groups 3/6, posts 40/72, comments 100/400, requests 57, ETA 1m20s");
  p.eta_seconds.reset();
  EXPECT_EQ(progress_summary(p), "groups 3/6, posts 40/72, comments 100/400, requests 57");
}

TEST(CollectProgress, NeverShowsMoreCollectedThanExpected) {
  auto p = midway();
  p.comments_expected = 8091;
  p.comments_collected = 8308;
  EXPECT_EQ(progress_summary(p), "groups 3/6, posts 40/72, comments 8308/8308, requests 57, ETA 1m20s");
  EXPECT_NE(progress_bar_line(p).find("100%"), std::string::npos);
}

TEST(CollectProgress, NoEtaBeforeAnythingIsCollectedNorAZeroOne) {
  auto p = midway();
  p.comments_collected = 0;
  p.eta_seconds = 0;
  EXPECT_EQ(progress_bar_line(p).find("ETA"), std::string::npos);
  p.eta_seconds = 30;
  EXPECT_EQ(progress_bar_line(p).find("ETA"), std::string::npos);
  p = midway();
  p.eta_seconds = 0;
  EXPECT_EQ(progress_summary(p).find("ETA"), std::string::npos);
}

TEST(CollectProgress, AWaitingTaskShowsWhyInsteadOfAnEta) {
  const domain::TaskWaiting waiting{"VK unreachable: connect to 127.0.0.1 failed: Connection refused",
                                    domain::from_unix(1'700'000'000)};
  EXPECT_EQ(progress_summary(midway(), waiting),
            "groups 3/6, posts 40/72, comments 100/400, requests 57, "
            "waiting: VK unreachable: connect to 127.0.0.1 failed: Connection refused");
  EXPECT_NE(progress_bar_line(midway(), waiting).find("waiting: VK unreachable"), std::string::npos);
}

TEST(CollectProgress, BarFollowsCommentsThenPostsThenGroups) {
  auto p = midway();
  EXPECT_EQ(progress_bar_line(p, std::nullopt, 8).substr(0, 15), "[##......]  25%");
  p.comments_expected = 0;
  EXPECT_EQ(progress_bar_line(p, std::nullopt, 8).substr(0, 15), "[####....]  55%");
  p.posts_found = 0;
  EXPECT_EQ(progress_bar_line(p, std::nullopt, 8).substr(0, 15), "[####....]  50%");
  p.groups_total = 0;
  EXPECT_EQ(progress_bar_line(p, std::nullopt, 8).substr(0, 15), "[........]   0%");
  p.comments_expected = 10;
  p.comments_collected = 12;  // more than expected: capped
  EXPECT_EQ(progress_bar_line(p, std::nullopt, 8).substr(0, 15), "[########] 100%");
}

// What a display wrote, through a memory stream.
class Captured {
 public:
  Captured() : file_(open_memstream(&data_, &size_)) {}
  ~Captured() {
    if (file_) fclose(file_);
    std::free(data_);
  }
  std::FILE* file() { return file_; }
  std::string text() {
    std::fflush(file_);
    return {data_, size_};
  }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* file_;
};

TEST(CollectProgress, TerminalRedrawsOneLineInPlace) {
  Captured out;
  ProgressDisplay display{out.file(), true};
  const auto t0 = ProgressDisplay::Clock::now();
  display.show(midway(), std::nullopt, t0);
  display.show(midway(), std::nullopt, t0 + 10ms);
  display.close();
  display.close();
  const auto line = "\r" + progress_bar_line(midway()) + "\x1b[K";
  EXPECT_EQ(out.text(), line + line + "\n");
}

TEST(CollectProgress, PlainOutputPrintsALineEveryInterval) {
  Captured out;
  ProgressDisplay display{out.file(), false, 5s};
  const auto t0 = ProgressDisplay::Clock::now();
  for (const auto at : {0s, 1s, 4s, 5s, 9s, 10s}) display.show(midway(), std::nullopt, t0 + at);
  display.close();
  const auto line = "progress: " + progress_summary(midway()) + "\n";
  EXPECT_EQ(out.text(), line + line + line);  // at 0, 5 and 10 seconds
}

}  // namespace
}  // namespace vka::app
