// The engine over the built-in knowledge, loaded once per fuzzing process (a fuzz target is a
// standalone binary without GoogleTest: a knowledge that does not load aborts it).
#ifndef BACKTALK_TESTS_FUZZ_BUILTIN_ENGINE_H_
#define BACKTALK_TESTS_FUZZ_BUILTIN_ENGINE_H_

#include <cstdlib>
#include <memory>
#include <string>

#include "engine/engine.h"

namespace backtalk::fuzz {

inline const Engine& BuiltinEngine() {
  static const Engine* engine = [] {
    std::string err;
    std::unique_ptr<Engine> e = Engine::Load("", &err);
    if (!e) std::abort();
    return e.release();
  }();
  return *engine;
}

}  // namespace backtalk::fuzz

#endif  // BACKTALK_TESTS_FUZZ_BUILTIN_ENGINE_H_
