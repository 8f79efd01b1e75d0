#include "analysis/sentiment.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/stemmer.hpp"
#include "analysis/unicode.hpp"

namespace vka::analysis {

std::string_view to_string(Sentiment sentiment) {
  switch (sentiment) {
    case Sentiment::positive: return "positive";
    case Sentiment::neutral: return "neutral";
    case Sentiment::negative: return "negative";
  }
  return "neutral";
}

std::optional<Sentiment> parse_sentiment(std::string_view text) {
  for (Sentiment sentiment : {Sentiment::positive, Sentiment::neutral, Sentiment::negative})
    if (to_string(sentiment) == text) return sentiment;
  return std::nullopt;
}

namespace {

constexpr std::size_t negation_scope_words = 3;  // words after a negator that it flips
constexpr std::size_t modifier_scope_words = 2;  // words after an intensifier that it still reaches
constexpr double negation_factor = -0.7;         // "не плохо" is mildly good, not as good as "хорошо"
constexpr double negated_positive_factor = -0.9;  // "не понравилось" is nearly as bad as "плохо" (asymmetry)
constexpr double negated_intensifier_valence = -1.0;  // a bare "не очень" / "not really"
constexpr double before_contrast_factor = 0.5;
constexpr double after_contrast_factor = 1.5;
constexpr double shouting_factor = 1.3;  // a sentiment word written in capitals
constexpr std::size_t min_shouted_letters = 3;
constexpr double exclamation_boost = 0.3;  // per '!', in the direction of the text's sentiment
constexpr std::size_t max_exclamations = 4;
constexpr double question_boost = 0.18;  // per '?' of a "??" run (up to 3), in the text's direction
constexpr std::size_t max_questions = 3;
constexpr double indignation_valence = -1.0;   // "?!" or "!?": an indignant question
constexpr double masked_swear_valence = -1.5;  // "х**ня" spelling no word of the lexicon
constexpr double repeated_mouth_boost = 0.15;  // per extra ')' or '(' in ")))", up to 4
constexpr double normalization_alpha = 15.0;   // score = s / sqrt(s² + α), as in VADER

bool is_clause_break(std::string_view punctuation) {
  return punctuation.find_first_of(".,!?;:") != std::string_view::npos ||
         punctuation.find("\xE2\x80\xA6") != std::string_view::npos;  // …
}

bool is_english_negation(std::string_view word) { return word.size() > 3 && word.ends_with("n't"); }

// Counts upper- and lowercase letters of a raw word.
struct CaseCount {
  std::size_t upper = 0;
  std::size_t lower = 0;
};

CaseCount count_case(std::string_view raw) {
  CaseCount count;
  for (std::size_t pos = 0; pos < raw.size();) {
    const char32_t cp = unicode::decode_next(raw, pos);
    if (!unicode::is_letter(cp)) continue;
    if (unicode::to_lower(cp) != cp) {
      ++count.upper;
    } else {
      ++count.lower;
    }
  }
  return count;
}

// Whether the word has three equal letters in a row ("сууупер").
bool has_elongation(std::string_view word) {
  char32_t previous = 0;
  std::size_t run = 0;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t cp = unicode::decode_next(word, pos);
    run = cp == previous ? run + 1 : 1;
    if (run == 3) return true;
    previous = cp;
  }
  return false;
}

// The word with runs of three or more equal letters cut to `keep` letters.
std::string collapse_repeats(std::string_view word, std::size_t keep) {
  std::string out;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // byte offset, length of each code point
  for (std::size_t pos = 0; pos < word.size();) {
    const std::size_t start = pos;
    unicode::decode_next(word, pos);
    spans.emplace_back(start, pos - start);
  }
  for (std::size_t i = 0; i < spans.size();) {
    const std::string_view letter = word.substr(spans[i].first, spans[i].second);
    std::size_t run = 1;
    while (i + run < spans.size() && word.substr(spans[i + run].first, spans[i + run].second) == letter) ++run;
    for (std::size_t k = 0; k < (run >= 3 ? keep : run); ++k) out += letter;
    i += run;
  }
  return out;
}

class Scorer {
 public:
  Scorer(const std::vector<Token>& tokens, const std::vector<std::string>& stems, const Lexicon& lexicon)
      : tokens_(tokens), stems_(stems), lexicon_(lexicon), in_question_(mark_questions(tokens)) {}

  double run() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      const Token& token = tokens_[i];
      switch (token.kind) {
        case TokenKind::punctuation: add_punctuation(token.raw); break;
        case TokenKind::emoji:
        case TokenKind::emoticon: add_symbol(token); break;
        case TokenKind::hashtag:
          if (const TermEntry* entry = lexicon_.find_term(stems_[i]); entry && entry->role == TermRole::valence)
            values_.push_back(entry->value);
          break;
        case TokenKind::word: i += add_word(i) - 1; break;
        default: break;
      }
    }
    close_scopes();
    return finish();
  }

 private:
  // Per token: whether its clause ends with a question mark.
  static std::vector<bool> mark_questions(const std::vector<Token>& tokens) {
    std::vector<bool> marks(tokens.size(), false);
    bool question = false;
    for (std::size_t i = tokens.size(); i-- > 0;) {
      if (tokens[i].kind == TokenKind::punctuation && is_clause_break(tokens[i].raw))
        question = tokens[i].raw.find('?') != std::string_view::npos;
      marks[i] = question;
    }
    return marks;
  }

  void add_punctuation(std::string_view raw) {
    exclamations_ += static_cast<std::size_t>(std::count(raw.begin(), raw.end(), '!'));
    const auto questions = static_cast<std::size_t>(std::count(raw.begin(), raw.end(), '?'));
    if (questions >= 2) repeated_questions_ += questions;
    if (questions > 0 && raw.find('!') != std::string_view::npos) values_.push_back(indignation_valence);
    if (is_clause_break(raw)) close_scopes();
  }

  void add_symbol(const Token& token) {
    auto valence = lexicon_.find_symbol(token.text);
    if (!valence && token.kind == TokenKind::emoji) {
      // "🤦‍♂️" is scored as its first element "🤦" unless the lexicon lists the whole sequence.
      const std::size_t joiner = token.text.find("\xE2\x80\x8D");
      if (joiner != std::string::npos) valence = lexicon_.find_symbol(std::string_view(token.text).substr(0, joiner));
    }
    if (!valence) return;
    if (token.kind == TokenKind::emoticon) {
      const auto mouths =
          std::count_if(token.raw.begin(), token.raw.end(), [](char c) { return c == ')' || c == '('; });
      const auto extra = std::min<std::ptrdiff_t>(std::max<std::ptrdiff_t>(mouths - 1, 0), 4);
      *valence *= 1.0 + repeated_mouth_boost * static_cast<double>(extra);
    }
    values_.push_back(*valence);
  }

  // The lexicon entry starting at word token i: the longest phrase, the stem, or a prefix pattern.
  // Returns the entry and how many tokens it covers.
  std::pair<const TermEntry*, std::size_t> lookup(std::size_t i) const {
    const std::size_t longest = lexicon_.starts_phrase(stems_[i]) ? lexicon_.max_phrase_words() : 1;
    for (std::size_t words = std::min(longest, tokens_.size() - i); words >= 2; --words) {
      std::string key = stems_[i];
      bool all_words = true;
      for (std::size_t k = 1; k < words && all_words; ++k) {
        all_words = tokens_[i + k].kind == TokenKind::word;
        key += ' ';
        key += stems_[i + k];
      }
      if (!all_words) continue;
      if (const TermEntry* entry = lexicon_.find_term(key)) return {entry, words};
    }
    if (const TermEntry* entry = find_word(tokens_[i].text, stems_[i])) return {entry, 1};
    if (tokens_[i].text.find('*') != std::string::npos) {
      static constexpr TermEntry unknown_swear{TermRole::valence, masked_swear_valence};
      const TermEntry* entry = lexicon_.find_masked(tokens_[i].text);
      return {entry ? entry : &unknown_swear, 1};
    }
    if (!has_elongation(tokens_[i].text)) return {nullptr, 1};
    for (std::size_t keep : {1, 2}) {  // "сууупер" → "супер", "coooool" → "cool"
      const std::string shortened = collapse_repeats(tokens_[i].text, keep);
      if (const TermEntry* entry = find_word(shortened, stem(shortened))) return {entry, 1};
    }
    return {nullptr, 1};
  }

  const TermEntry* find_word(std::string_view word, std::string_view word_stem) const {
    if (const TermEntry* entry = lexicon_.find_exact(word)) return entry;
    if (const TermEntry* entry = lexicon_.find_term(word_stem)) return entry;
    return lexicon_.find_prefix(word);
  }

  std::size_t add_word(std::size_t i) {
    auto [entry, covered] = lookup(i);
    if (entry == nullptr && is_english_negation(tokens_[i].text)) {
      static constexpr TermEntry negation{TermRole::negator, 0.0};
      entry = &negation;
    }
    if (entry == nullptr) {
      pass_word();
      return covered;
    }
    switch (entry->role) {
      case TermRole::negator:
        if (negates_previous_word(i)) break;
        negation_left_ = negation_scope_words;
        break;
      case TermRole::contrast:
        close_scopes();
        contrast_at_ = values_.size();
        break;
      case TermRole::intensifier:
      case TermRole::diminisher:
        modifier_ *= entry->value;
        modifier_left_ = modifier_scope_words;
        negated_modifier_ = negated_modifier_ || (negation_left_ > 0 && entry->role == TermRole::intensifier);
        break;
      case TermRole::valence: add_valence(entry->value, i); break;
      case TermRole::rhetorical:
        if (in_question_[i]) {
          add_valence(entry->value, i);
        } else {
          pass_word();
        }
        break;
    }
    return covered;
  }

  // «претензий нет», «проблем нету»: Russian denies existence with нет after the noun, so a
  // sentiment word right before it is flipped as if a negator preceded it.
  bool negates_previous_word(std::size_t i) {
    const std::string& word = tokens_[i].text;
    if ((word != "нет" && word != "нету") || i == 0 || last_value_token_ != i - 1) return false;
    values_.back() *= values_.back() > 0 ? negated_positive_factor : negation_factor;
    return true;
  }

  void add_valence(double value, std::size_t i) {
    if (modifier_left_ > 0) value *= modifier_;
    const CaseCount count = count_case(tokens_[i].raw);
    if (count.lower == 0 && count.upper >= min_shouted_letters) value *= shouting_factor;
    if (negation_left_ > 0) value *= value > 0 ? negated_positive_factor : negation_factor;
    values_.push_back(value);
    last_value_token_ = i;
    negation_left_ = 0;
    modifier_ = 1.0;
    modifier_left_ = 0;
    negated_modifier_ = false;
  }

  // A word without sentiment: scopes narrow by one word.
  void pass_word() {
    if (negation_left_ > 0) --negation_left_;
    if (modifier_left_ > 0 && --modifier_left_ == 0) close_scopes();
  }

  void close_scopes() {
    if (negated_modifier_) values_.push_back(negated_intensifier_valence);
    negation_left_ = 0;
    modifier_ = 1.0;
    modifier_left_ = 0;
    negated_modifier_ = false;
  }

  double finish() const {
    double sum = 0;
    for (std::size_t k = 0; k < values_.size(); ++k) {
      double factor = 1.0;
      if (contrast_at_) factor = k < *contrast_at_ ? before_contrast_factor : after_contrast_factor;
      sum += values_[k] * factor;
    }
    if (sum != 0.0) {
      sum += std::copysign(exclamation_boost * static_cast<double>(std::min(exclamations_, max_exclamations)), sum);
      sum += std::copysign(question_boost * static_cast<double>(std::min(repeated_questions_, max_questions)), sum);
    }
    return sum / std::sqrt(sum * sum + normalization_alpha);
  }

  const std::vector<Token>& tokens_;
  const std::vector<std::string>& stems_;
  const Lexicon& lexicon_;
  const std::vector<bool> in_question_;
  std::vector<double> values_;
  std::size_t last_value_token_ = static_cast<std::size_t>(-1);
  std::optional<std::size_t> contrast_at_;  // index into values_ of the last contrast word
  std::size_t exclamations_ = 0;
  std::size_t repeated_questions_ = 0;
  std::size_t negation_left_ = 0;
  double modifier_ = 1.0;
  std::size_t modifier_left_ = 0;
  bool negated_modifier_ = false;
};

// Polar labels: 0.5 at the threshold rising to 1 at ±1. Neutral: 0.5 for a text with no
// sentiment at all, falling to 0 at a threshold — a lexicon can miss sentiment it has no word
// for, so a neutral verdict is never more than an even bet.
double confidence_of(Sentiment label, double score) {
  const double magnitude = std::abs(score);
  if (label == Sentiment::neutral) return 0.5 * (1.0 - magnitude / positive_threshold);
  return 0.5 + 0.5 * (magnitude - positive_threshold) / (1.0 - positive_threshold);
}

}  // namespace

SentimentScore score_sentiment(const std::vector<Token>& tokens, const std::vector<std::string>& stems,
                               const Lexicon& lexicon) {
  const double score = Scorer(tokens, stems, lexicon).run();
  const Sentiment label = score >= positive_threshold   ? Sentiment::positive
                          : score <= negative_threshold ? Sentiment::negative
                                                        : Sentiment::neutral;
  return SentimentScore{label, score, confidence_of(label, score)};
}

}  // namespace vka::analysis
