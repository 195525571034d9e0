package io.scenescore.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a graceful shutdown, gives up the leases this instance holds, so that another instance takes its runs
 * over at once instead of after the lease runs out (which is what covers a crash).
 */
public final class LeaseRelease extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRelease.class);
    private final DataSource dataSource;
    private final String instanceId;

    public LeaseRelease(DataSource dataSource, String instanceId) {
        this.dataSource = dataSource;
        this.instanceId = instanceId;
    }

    @Override
    protected void doStop() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE jobs SET lease_expires_at = now() - interval '1 second' "
                     + "WHERE lease_owner = ? AND status = 'running'")) {
            s.setString(1, instanceId);
            int released = s.executeUpdate();
            if (released > 0) {
                LOG.info("gave up the lease of {} unfinished run(s) for another instance to take over", released);
            }
        } catch (SQLException e) {
            LOG.warn("could not give up this instance's leases; they run out on their own: {}", e.getMessage());
        }
    }
}
