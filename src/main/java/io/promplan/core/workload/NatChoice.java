package io.promplan.core.workload;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the stack's private subnets reach AWS APIs and image registries: an account-dependent part of
 * the bill that the scenario states explicitly.
 */
public enum NatChoice {
    /** The subnets already route through a NAT gateway: only the data the stack sends through it is new. */
    EXISTING("existing"),
    /** The stack needs its own NAT gateway: its hours and the data it processes. */
    NEW("new"),
    /** Interface VPC endpoints (ECR, Logs, CloudWatch, Secrets Manager, SSM, STS; S3 as a free gateway endpoint) instead of NAT. */
    VPC_ENDPOINTS("vpc-endpoints");

    private final String key;

    NatChoice(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<NatChoice> parse(String s) {
        return Arrays.stream(values()).filter(n -> n.key.equalsIgnoreCase(s == null ? "" : s.trim())).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(NatChoice::key).toList());
    }
}
