// The access graph as a picture: SVG drawn by Graphviz's `dot` (run
// without a shell), and a self-contained HTML page around it that fetches
// nothing from the network.
#ifndef FOYER_ACCESS_GRAPH_GRAPHVIZ_H_
#define FOYER_ACCESS_GRAPH_GRAPHVIZ_H_

#include <string>

#include "base/result.h"

namespace foyer::access_graph {

// `dot -Tsvg` of `dot_source`. Fails with code "GraphvizMissing" when dot
// is not installed, and with dot's own message when it rejects the input.
Result<std::string> DotToSvg(const std::string& dot_source);

// One HTML page: `svg` inline, with a search box that highlights the nodes
// and edges whose ARN contains the text typed and dims the rest.
std::string GraphHtml(const std::string& svg, const std::string& title);

}  // namespace foyer::access_graph

#endif  // FOYER_ACCESS_GRAPH_GRAPHVIZ_H_
