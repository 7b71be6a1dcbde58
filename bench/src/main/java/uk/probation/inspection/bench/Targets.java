package uk.probation.inspection.bench;

import java.util.ArrayList;
import java.util.List;

/** The targets as this run measured them, each met or missed, printed together at the end. */
final class Targets {

    record Target(String target, String measured, boolean met) {
    }

    private final List<Target> all = new ArrayList<>();

    synchronized void add(String target, String measured, boolean met) {
        all.add(new Target(target, measured, met));
    }

    synchronized String table() {
        StringBuilder t = new StringBuilder("| target | measured in this run | |\n|---|---|---|\n");
        for (Target target : all) {
            t.append("| ").append(target.target()).append(" | ").append(target.measured()).append(" | ")
                    .append(target.met() ? "met" : "**missed**").append(" |\n");
        }
        return t.toString();
    }
}
