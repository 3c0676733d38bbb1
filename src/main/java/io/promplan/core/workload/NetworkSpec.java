package io.promplan.core.workload;

/**
 * The network parts of the bill that depend on the account: how private subnets reach AWS (NAT or
 * endpoints), the availability zones the ALB and the endpoints span (one public IPv4 address per
 * zone for an internet-facing ALB), and the GB a month that pass the NAT gateway or the endpoints
 * (below 0: estimated from the workload).
 */
public record NetworkSpec(NatChoice nat, int availabilityZones, double natGbPerMonth) {
    public static final int DEFAULT_AZS = 2;
    /** Interface endpoints a Fargate stack in private subnets needs without NAT: ecr.api, ecr.dkr, logs, monitoring, secretsmanager, ssm, sts. */
    public static final int INTERFACE_ENDPOINTS = 7;

    public NetworkSpec {
        nat = nat == null ? NatChoice.EXISTING : nat;
    }

    public static NetworkSpec defaults() {
        return new NetworkSpec(NatChoice.EXISTING, DEFAULT_AZS, -1);
    }

    public boolean natGbEstimated() {
        return natGbPerMonth < 0;
    }
}
