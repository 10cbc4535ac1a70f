// Engines for the server's workers. Engine::Ask is const but not safe from several threads at
// once: the Matcher keeps per-question scratch space in mutable members (match/matcher.h). So
// each request leases an Engine of its own, built from one loaded Knowledge; at most as many
// engines exist as requests have run at the same time (the worker pool bounds it).
#ifndef BACKTALK_SERVER_ENGINE_POOL_H_
#define BACKTALK_SERVER_ENGINE_POOL_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace backtalk {

class EnginePool {
 public:
  // Loads `path` (the built-in knowledge when empty) once; nullptr with `*err` on failure.
  static std::unique_ptr<EnginePool> Load(const std::string& path, std::string* err);

  // An engine used by one thread at a time, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(EnginePool* pool, std::unique_ptr<Engine> engine)
        : pool_(pool), engine_(std::move(engine)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (engine_) pool_->Return(std::move(engine_));
    }
    const Engine& operator*() const { return *engine_; }
    const Engine* operator->() const { return engine_.get(); }
    const Engine* get() const { return engine_.get(); }

   private:
    EnginePool* pool_;
    std::unique_ptr<Engine> engine_;
  };

  Lease Acquire();
  // The first engine, for what never changes (the knowledge); not for Ask.
  const Engine& reference() const { return *reference_; }

 private:
  EnginePool() = default;
  void Return(std::unique_ptr<Engine> engine);

  Knowledge knowledge_;                // a copy for each new engine
  std::unique_ptr<Engine> reference_;  // never leased
  std::mutex mutex_;
  std::vector<std::unique_ptr<Engine>> free_;
};

}  // namespace backtalk

#endif  // BACKTALK_SERVER_ENGINE_POOL_H_
