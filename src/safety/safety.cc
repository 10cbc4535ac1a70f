#include "safety/safety.h"

#include <algorithm>

namespace backtalk {

std::unique_ptr<SafetyCheck> SafetyCheck::Create(const Knowledge& knowledge, std::string* err) {
  std::unique_ptr<SafetyCheck> check(new SafetyCheck(knowledge));
  for (size_t i = 0; i < knowledge.safety.size(); ++i)
    if (!check->patterns_.AddAll(knowledge.safety[i].patterns, static_cast<int>(i), "safety", err))
      return nullptr;
  if (!check->patterns_.Compile(err)) return nullptr;
  return check;
}

std::vector<const SafetySign*> SafetyCheck::Check(std::string_view normalized) const {
  std::vector<const SafetySign*> signs;
  for (int i : patterns_.Match(normalized))
    signs.push_back(&knowledge_.safety[static_cast<size_t>(i)]);
  std::stable_sort(signs.begin(), signs.end(), [](const SafetySign* a, const SafetySign* b) {
    return a->urgent && !b->urgent;
  });
  return signs;
}

}  // namespace backtalk
