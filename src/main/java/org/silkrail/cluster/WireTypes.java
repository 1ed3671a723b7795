package org.silkrail.cluster;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * The identified-data-serializable factory of the objects silkrail sends between members: a task
 * and its outcome. Each is written field by field, so no member ever runs Java deserialization
 * on silkrail's behalf (see {@link MemberConfigs} for the filter on everything else).
 *
 * <p>The ids are part of the wire format: every member of one cluster must run the same
 * silkrail version (the cluster name does not encode the version; docs/cluster.md says so).
 */
final class WireTypes implements DataSerializableFactory {
    /** "SR": silkrail's factory id, distinct from Hazelcast's own (negative) ids. */
    static final int FACTORY_ID = 0x5352;
    static final int REMOTE_TASK = 1;
    static final int TASK_OUTCOME = 2;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        return switch (typeId) {
            case REMOTE_TASK -> new RemoteTask();
            case TASK_OUTCOME -> new TaskOutcome();
            default -> throw new IllegalArgumentException("unknown silkrail wire type: typeId="
                    + typeId);
        };
    }
}
