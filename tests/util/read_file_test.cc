// Reading a whole file, with errors that name the file and what was wrong.
#include "util/read_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace backtalk {
namespace {

constexpr FileKind kDocument{"FAQ document", "an FAQ document", 1 << 20};

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          (name + "-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed())))
      .string();
}

TEST(ReadFileTest, ReadsAWholeFileByteForByte) {
  const std::string path = TempPath("read-file-whole");
  std::string written(200000, 'a');
  written[123456] = '\0';
  written.back() = '\n';
  std::ofstream(path, std::ios::binary) << written;
  std::string text, err;
  ASSERT_TRUE(ReadWholeFile(path, kDocument, &text, &err)) << err;
  EXPECT_EQ(text, written);
  std::filesystem::remove(path);
}

TEST(ReadFileTest, AnEmptyFileIsEmptyText) {
  const std::string path = TempPath("read-file-empty");
  std::ofstream(path, std::ios::binary).flush();
  std::string text = "left over", err;
  ASSERT_TRUE(ReadWholeFile(path, kDocument, &text, &err)) << err;
  EXPECT_EQ(text, "");
  std::filesystem::remove(path);
}

TEST(ReadFileTest, SaysWhatWasWrongWithWhichFile) {
  std::string text, err;
  EXPECT_FALSE(ReadWholeFile("/no/such/file.md", kDocument, &text, &err));
  EXPECT_EQ(err, "/no/such/file.md: cannot read the FAQ document: No such file or directory");
  EXPECT_FALSE(
      ReadWholeFile(std::filesystem::temp_directory_path().string(), kDocument, &text, &err));
  EXPECT_NE(err.find(": is a folder, not an FAQ document"), std::string::npos) << err;
  const std::string path = TempPath("read-file-large");
  std::ofstream(path, std::ios::binary) << std::string((1 << 20) + 1, 'x');
  EXPECT_FALSE(ReadWholeFile(path, kDocument, &text, &err));
  EXPECT_EQ(err, path + ": is too large for an FAQ document (over 1 MiB)");
  std::filesystem::remove(path);
}

TEST(ReadFileTest, AReadErrorIsAnErrorNotAnEmptyFile) {
  // Reading a process's memory from its start fails with EIO: the first page is never mapped.
  if (!std::filesystem::exists("/proc/self/mem")) GTEST_SKIP() << "no /proc here";
  std::string text, err;
  EXPECT_FALSE(ReadWholeFile("/proc/self/mem", kDocument, &text, &err));
  EXPECT_EQ(err, "/proc/self/mem: cannot read the FAQ document: Input/output error");
}

TEST(ReadFileTest, AFileThatGrowsPastTheLimitWhileReadIsRefused) {
  // /dev/zero is no regular file and stat gives it no size: the limit holds as it is read.
  std::string text, err;
  EXPECT_FALSE(ReadWholeFile("/dev/zero", kDocument, &text, &err));
  EXPECT_EQ(err, "/dev/zero: is too large for an FAQ document (over 1 MiB)");
}

}  // namespace
}  // namespace backtalk
