#include "match/vocabulary.h"

namespace backtalk {

Vocabulary VocabularyOf(const Knowledge& k) {
  Vocabulary v;
  for (const auto& [from, to] : k.synonyms) v.synonyms.emplace_back(from, to);
  for (const Intent& intent : k.intents) {
    for (const WeightedTerm& t : intent.keywords) v.texts.push_back({t.term, 3});
    for (const WeightedTerm& t : intent.related) v.texts.push_back({t.term, 2});
    v.texts.push_back({intent.question, 2});
    v.texts.push_back({intent.answer, 1});
  }
  for (const std::string& topic : k.covered) v.texts.push_back({topic, 2});
  for (const std::string& topic : k.uncovered) v.texts.push_back({topic, 2});
  for (const Sequence& seq : k.sequences) {
    v.texts.push_back({seq.name, 1});
    for (const Step& step : seq.steps) v.texts.push_back({step.text, 1});
  }
  return v;
}

}  // namespace backtalk
