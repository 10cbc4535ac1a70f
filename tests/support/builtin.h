// The engine over the built-in knowledge, loaded once for a whole test binary: the unit tests
// of the matcher, the analyzer, the engine, the evaluation and the conversation all ask it.
#ifndef BACKTALK_TESTS_SUPPORT_BUILTIN_H_
#define BACKTALK_TESTS_SUPPORT_BUILTIN_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/engine.h"

namespace backtalk::testing {

inline const Engine& BuiltinEngine() {
  static const Engine* engine = [] {
    std::string err;
    std::unique_ptr<Engine> e = Engine::Load("", &err);
    if (!e) ADD_FAILURE() << "the built-in knowledge does not load: " << err;
    return e.release();
  }();
  return *engine;
}

}  // namespace backtalk::testing

#endif  // BACKTALK_TESTS_SUPPORT_BUILTIN_H_
