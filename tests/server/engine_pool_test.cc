// The engine pool: a lease is an engine no other thread holds; returned engines are reused.
#include "server/engine_pool.h"

#include <gtest/gtest.h>

namespace backtalk::testing {
namespace {

TEST(EnginePoolTest, LeasesAreDistinctAndReused) {
  std::string err;
  std::unique_ptr<EnginePool> pool = EnginePool::Load("", &err);
  ASSERT_NE(pool, nullptr) << err;
  const Engine* first;
  {
    EnginePool::Lease a = pool->Acquire();
    EnginePool::Lease b = pool->Acquire();
    EXPECT_NE(a.get(), b.get());
    EXPECT_NE(a.get(), &pool->reference());
    EXPECT_TRUE(a->Ask("why is my mid back tight").matched());
    first = a.get();
  }
  EnginePool::Lease again = pool->Acquire();
  EnginePool::Lease other = pool->Acquire();
  EXPECT_TRUE(again.get() == first || other.get() == first);
}

TEST(EnginePoolTest, ABadKnowledgeFileIsAnError) {
  std::string err;
  EXPECT_EQ(EnginePool::Load("/nonexistent/kb.json", &err), nullptr);
  EXPECT_EQ(err.rfind("/nonexistent/kb.json: ", 0), 0u) << err;
}

}  // namespace
}  // namespace backtalk::testing
