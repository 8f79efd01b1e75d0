#pragma once
// Comment and post texts in VK style, Russian and English, each comment with the sentiment label
// it was written with (the ground truth the analyser is measured against).
#include <string>
#include <string_view>

#include "sim/random.hpp"

namespace vka::sim {

enum class Sentiment { positive, neutral, negative };
enum class Language { ru, en };

std::string_view to_string(Sentiment sentiment);
std::string_view to_string(Language language);

struct Mention {
  std::string link;  // "id123" or "club45"
  std::string name;  // shown text
};

struct Text {
  std::string text;
  Sentiment sentiment = Sentiment::neutral;
};

// A comment; `reply_to` adds the "[id1|Имя], " prefix VK puts on replies.
Text comment_text(Rng& rng, Language language, const Mention* reply_to);
std::string post_text(Rng& rng, Language language);

struct PersonName {
  std::string first;
  std::string last;
};
PersonName person_name(Rng& rng, Language language);

}  // namespace vka::sim
