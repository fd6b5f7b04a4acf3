// Boost.Asio and Boost.Beast compiled once for the whole project (BOOST_*_SEPARATE_COMPILATION),
// which keeps 2-core builds fast.
#include <utility>

#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
