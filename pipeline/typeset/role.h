// The typographic roles of the printed material (layout.md, GB/T 9704): the
// title in 小标宋, the body in 仿宋, level-1 headings in 黑体, level-2 in
// 楷体, page numbers in 宋体 digits. Each role is a font of its own
// (fonts/fonts.toml); the layout says which role a line is set in, the PDF
// layer which font draws it.
#pragma once

namespace qd {

enum class Role { Title, Body, Heading1, Heading2, Number };
inline constexpr int kRoleCount = 5;

}  // namespace qd
