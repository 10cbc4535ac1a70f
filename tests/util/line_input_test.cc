// Reading lines in blocks: newlines, CRLF, a last line without newline, long lines cut, and
// the hook that runs before a read could wait.
#include "util/line_input.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>

namespace backtalk {
namespace {

// A file descriptor reading `text` (a temporary file, so any length fits).
int FdWith(const std::string& text) {
  FILE* file = std::tmpfile();
  EXPECT_NE(file, nullptr);
  EXPECT_EQ(std::fwrite(text.data(), 1, text.size(), file), text.size());
  std::fflush(file);
  int fd = dup(fileno(file));
  std::fclose(file);
  lseek(fd, 0, SEEK_SET);
  return fd;
}

TEST(LineInputTest, SplitsLinesAndStripsCarriageReturns) {
  int fd = FdWith("one\r\ntwo\n\nlast");
  LineInput input(fd);
  std::string line;
  std::vector<std::string> lines;
  while (input.Next(&line, 100, nullptr)) lines.push_back(line);
  EXPECT_EQ(lines, (std::vector<std::string>{"one", "two", "", "last"}));
  close(fd);
}

TEST(LineInputTest, KeepsAtMostMaxBytesOfALongLineAndReadsTheNext) {
  std::string longer(200000, 'x');
  int fd = FdWith(longer + "\nnext\n");
  LineInput input(fd);
  std::string line;
  ASSERT_TRUE(input.Next(&line, 1000, nullptr));
  EXPECT_EQ(line, std::string(1000, 'x'));
  ASSERT_TRUE(input.Next(&line, 1000, nullptr));
  EXPECT_EQ(line, "next");
  EXPECT_FALSE(input.Next(&line, 1000, nullptr));
  close(fd);
}

TEST(LineInputTest, RunsTheHookOnlyWhenNoWholeLineIsBuffered) {
  int fd = FdWith("a\nb\nc\n");
  LineInput input(fd);
  int waits = 0;
  auto hook = [&] { ++waits; };
  std::string line;
  ASSERT_TRUE(input.Next(&line, 100, hook));  // nothing buffered yet: one read
  EXPECT_EQ(waits, 1);
  ASSERT_TRUE(input.Next(&line, 100, hook));
  ASSERT_TRUE(input.Next(&line, 100, hook));
  EXPECT_EQ(waits, 1);  // "b" and "c" came with the first block
  EXPECT_FALSE(input.Next(&line, 100, hook));
  EXPECT_EQ(waits, 2);  // the read that found the end
  close(fd);
}

TEST(LineInputTest, AReadErrorIsReportedNotTakenForTheEnd) {
  int fd = open("/", O_RDONLY | O_DIRECTORY);  // read() on a folder fails with EISDIR
  ASSERT_GE(fd, 0);
  LineInput input(fd, "standard input");
  std::string line = "stale";
  EXPECT_FALSE(input.Next(&line, 100, nullptr));
  EXPECT_EQ(line, "");
  EXPECT_EQ(input.error(), "standard input: cannot read: Is a directory");
  close(fd);
  int ok = FdWith("one\n");
  LineInput fine(ok);
  while (fine.Next(&line, 100, nullptr)) {
  }
  EXPECT_EQ(fine.error(), "");
  close(ok);
}

}  // namespace
}  // namespace backtalk
