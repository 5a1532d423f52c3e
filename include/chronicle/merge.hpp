#pragma once
// Merging timelines from several sources into one chronology, and what a new one changed.

#include <string>
#include <vector>

#include "chronicle/timeline.hpp"

namespace chronicle {

// One chronology in which one happening is one event, whatever the number of reports: the
// finest date its sources allow, every source and its evidence kept, `agreement` counted and
// `conflicts` listed. Independent of the order of `inputs`; merging merged timelines again
// gives the same result as merging their sources at once. Throws chronicle::error when two
// different sources share an id.
// **Example**: `merge({timeline_from_yaml(a, "a.yaml"), timeline_from_yaml(b, "b.yaml")})`
timeline merge(const std::vector<timeline>& inputs);

// What `newer` changed against `older`, one line each: events added or removed, dates refined,
// sources added, conflicts appeared. Empty when nothing changed.
std::string diff(const timeline& older, const timeline& newer);

}  // namespace chronicle
