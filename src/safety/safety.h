// Warning-sign detection: numbness, chest pain, fever, loss of bladder control, ... in a
// question call for a doctor before any stretching. The signs are knowledge (patterns and
// notices in the knowledge file); this only compiles them into one RE2::Set.
#ifndef BACKTALK_SAFETY_SAFETY_H_
#define BACKTALK_SAFETY_SAFETY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/knowledge.h"
#include "util/regex.h"

namespace backtalk {

class SafetyCheck {
 public:
  // Refers to `knowledge`, which must outlive it.
  static std::unique_ptr<SafetyCheck> Create(const Knowledge& knowledge, std::string* err);

  // The signs found in `normalized` (words joined by spaces), most urgent first.
  std::vector<const SafetySign*> Check(std::string_view normalized) const;

 private:
  explicit SafetyCheck(const Knowledge& knowledge) : knowledge_(knowledge) {}
  const Knowledge& knowledge_;
  PatternSet patterns_;
};

}  // namespace backtalk

#endif  // BACKTALK_SAFETY_SAFETY_H_
