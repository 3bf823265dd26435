// The demo page (page.html), embedded at build time: one file of HTML, CSS and script with no
// outside resources, served at "/".
#pragma once

#include <string_view>

namespace openfloor::local {

std::string_view page_html();

} // namespace openfloor::local
