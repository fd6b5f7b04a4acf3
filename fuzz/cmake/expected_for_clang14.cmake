# Writes OUTPUT: libstdc++ 12's own <expected> (read from INPUT, never shipped with the project) made
# acceptable to clang 14. libstdc++ hides std::expected unless __cpp_concepts >= 202002L, and picks the
# trivial or non-trivial special members through constrained overloads ("conditionally trivial",
# P0848), which clang only understands from version 16. Here each special member keeps only its
# non-trivial overload, so std::expected is never trivially copyable or destructible under clang 14 --
# same behaviour, slightly slower, and only in the fuzz build.
file(READ "${INPUT}" text)
string(REPLACE "__cpp_concepts >= 202002L" "__cpp_concepts >= 201907L" text "${text}")
foreach(line "expected(const expected&) = default;" "expected(expected&&) = default;"
             "constexpr ~expected() = default;" "expected& operator=(const expected&) = delete;")
  string(REPLACE "${line}" "" text "${text}")
endforeach()
string(REGEX REPLACE "!is_trivially_(copy_constructible|move_constructible|destructible)_v<_(Tp|Er)>" "true"
       text "${text}")
file(WRITE "${OUTPUT}" "${text}")
