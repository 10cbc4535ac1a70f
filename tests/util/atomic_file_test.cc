#include "util/atomic_file.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "e2e/process.h"

namespace backtalk {
namespace {

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::TempDir(); }
  // The folder is removed at exit, which a test that made it read-only must allow.
  void TearDown() override { chmod(dir_.c_str(), 0700); }
  std::vector<std::string> Files() const {
    std::vector<std::string> files;
    DIR* d = opendir(dir_.c_str());
    if (d == nullptr) return files;
    while (dirent* e = readdir(d))
      if (std::string(e->d_name) != "." && std::string(e->d_name) != "..")
        files.push_back(e->d_name);
    closedir(d);
    return files;
  }
  std::string Read(const std::string& path) const {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::string dir_;
};

TEST_F(AtomicFileTest, WritesTheWholeTextAndLeavesNoTemporaryFile) {
  std::string path = dir_ + "/kb.json";
  std::string err;
  ASSERT_TRUE(WriteFileAtomically(path, "{}\n", false, &err)) << err;
  EXPECT_EQ(Read(path), "{}\n");
  EXPECT_EQ(Files(), std::vector<std::string>{"kb.json"});
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_NE(st.st_mode & S_IRUSR, 0u);
}

TEST_F(AtomicFileTest, NeverOverwritesUnlessTold) {
  std::string path = dir_ + "/kb.json";
  std::string err;
  ASSERT_TRUE(WriteFileAtomically(path, "old", false, &err)) << err;
  EXPECT_FALSE(WriteFileAtomically(path, "new", false, &err));
  EXPECT_EQ(err, path + ": already exists; use --force to overwrite it");
  EXPECT_EQ(Read(path), "old");
  EXPECT_EQ(Files(), std::vector<std::string>{"kb.json"});
  ASSERT_TRUE(WriteFileAtomically(path, "new", true, &err)) << err;
  EXPECT_EQ(Read(path), "new");
  EXPECT_EQ(Files(), std::vector<std::string>{"kb.json"});
}

TEST_F(AtomicFileTest, AFolderOrAnUnwritablePlaceIsAnError) {
  std::string err;
  EXPECT_FALSE(WriteFileAtomically(dir_, "x", true, &err));
  EXPECT_EQ(err, dir_ + ": is a folder");
  EXPECT_FALSE(WriteFileAtomically(dir_ + "/missing/kb.json", "x", false, &err));
  EXPECT_EQ(err, dir_ + "/missing/kb.json: cannot write: No such file or directory");
  if (geteuid() != 0) {  // root writes anywhere
    chmod(dir_.c_str(), 0500);
    EXPECT_FALSE(WriteFileAtomically(dir_ + "/kb.json", "x", false, &err));
    EXPECT_EQ(err, dir_ + "/kb.json: cannot write: Permission denied");
    chmod(dir_.c_str(), 0700);
  }
  EXPECT_TRUE(Files().empty());
}

}  // namespace
}  // namespace backtalk
