#include "server/engine_pool.h"

#include <cstdlib>

namespace backtalk {

std::unique_ptr<EnginePool> EnginePool::Load(const std::string& path, std::string* err) {
  std::unique_ptr<EnginePool> pool(new EnginePool());
  bool ok = path.empty() ? LoadBuiltinKnowledge(&pool->knowledge_, err)
                         : LoadKnowledgeFile(path, &pool->knowledge_, err);
  if (!ok) return nullptr;
  pool->reference_ = Engine::Create(pool->knowledge_, err);
  if (!pool->reference_) {
    *err = pool->knowledge_.source + ": " + *err;
    return nullptr;
  }
  return pool;
}

EnginePool::Lease EnginePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!free_.empty()) {
      std::unique_ptr<Engine> engine = std::move(free_.back());
      free_.pop_back();
      return Lease(this, std::move(engine));
    }
  }
  std::string err;
  std::unique_ptr<Engine> engine = Engine::Create(knowledge_, &err);
  // The same knowledge built the reference engine: only running out of memory fails here.
  if (!engine) std::abort();
  return Lease(this, std::move(engine));
}

void EnginePool::Return(std::unique_ptr<Engine> engine) {
  std::lock_guard<std::mutex> lock(mutex_);
  free_.push_back(std::move(engine));
}

}  // namespace backtalk
