#include "safety/safety.h"

#include <algorithm>

namespace backtalk {

std::unique_ptr<SafetyCheck> SafetyCheck::Create(const Knowledge& knowledge, std::string* err) {
  std::unique_ptr<SafetyCheck> check(new SafetyCheck(knowledge));
  for (size_t i = 0; i < knowledge.safety.size(); ++i) {
    for (const std::string& p : knowledge.safety[i].patterns) {
      if (!check->patterns_.Add(p, static_cast<int>(i), err)) {
        *err = "/safety/" + std::to_string(i) + "/patterns: " + *err;
        return nullptr;
      }
    }
  }
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
