// Asio's and Beast's non-template code, compiled once here instead of in every file that
// includes them (BOOST_ASIO_SEPARATE_COMPILATION / BOOST_BEAST_SEPARATE_COMPILATION, set for
// every target by openfloor_boost). It cuts build time, which is most of CI's time.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
