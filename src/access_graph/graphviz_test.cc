#include "access_graph/graphviz.h"

#include <gtest/gtest.h>

namespace foyer::access_graph {
namespace {

TEST(GraphvizTest, HtmlInlinesTheSvgAndFetchesNothing) {
  std::string html = GraphHtml("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg><g class=\"node\"><title>a</title></g></svg>",
                               "access <graph>");
  EXPECT_NE(html.find("<title>access &lt;graph&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("<svg><g class=\"node\"><title>a</title></g></svg>"), std::string::npos);
  EXPECT_EQ(html.find("<?xml"), std::string::npos);
  EXPECT_EQ(html.find("<!DOCTYPE svg"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);
}

TEST(GraphvizTest, DotDrawsSvg) {
  auto svg = DotToSvg("digraph g { \"a\" -> \"b\"; }\n");
  if (!svg.ok() && svg.error().code == "GraphvizMissing") GTEST_SKIP() << svg.error().message;
  ASSERT_TRUE(svg.ok()) << svg.error().message;
  EXPECT_NE(svg->find("<svg"), std::string::npos);
  EXPECT_NE(svg->find("<title>a&#45;&gt;b</title>"), std::string::npos);
}

TEST(GraphvizTest, DotRejectsBrokenInputWithItsMessage) {
  auto svg = DotToSvg("digraph {{{");
  if (!svg.ok() && svg.error().code == "GraphvizMissing") GTEST_SKIP() << svg.error().message;
  ASSERT_FALSE(svg.ok());
  EXPECT_EQ(svg.error().code, "GraphvizFailed");
}

}  // namespace
}  // namespace foyer::access_graph
