package io.promplan.pricing.offers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promplan.pricing.aws.PriceListFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes AWS bulk offer files (the layout of offers/v1.0/aws/<service>/current/<region>/index.json): a header, a
 * products map and a terms map (OnDemand and Reserved) joined by SKU. Items come from {@link PriceListFixture};
 * {@code padding} synthetic EC2-instance-like products (about 40 attributes, on-demand and reserved terms each)
 * make a file as large as wanted, streamed so that writing a 200 MB file needs no memory to speak of.
 */
public final class OfferFileWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private OfferFileWriter() {
    }

    /** Writes one offer file for a service: the fixture's items of the given regions, then padding products. */
    public static void write(Path file, String offerCode, List<String> regions, long padding, boolean termsFirst) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        for (String r : regions) {
            for (PriceListFixture.Item it : PriceListFixture.items(r)) {
                if (it.serviceCode().equals(offerCode)) {
                    items.add(JSON.readTree(it.json()));
                }
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(file); JsonGenerator g = FACTORY.createGenerator(os)) {
            g.useDefaultPrettyPrinter();
            write(g, offerCode, regions.isEmpty() ? "us-east-1" : regions.get(0), items, padding, termsFirst);
        }
    }

    /** Writes a file of about {@code megabytes} MB: the fixture's items of a region plus as many padding products as it takes. */
    public static long writeOfSize(Path file, String offerCode, String region, long megabytes) throws IOException {
        ByteArrayOutputStream sample = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(sample)) {
            g.useDefaultPrettyPrinter();
            write(g, offerCode, region, List.of(), 1000, false);
        }
        long perProduct = sample.size() / 1000;
        long n = megabytes * 1_000_000L / perProduct;
        write(file, offerCode, List.of(region), n, false);
        return n;
    }

    private static void write(JsonGenerator g, String offerCode, String region, List<JsonNode> items, long padding, boolean termsFirst)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("formatVersion", "v1.0");
        g.writeStringField("disclaimer", "Synthetic offer file for tests and benchmarks; not AWS data.");
        g.writeStringField("offerCode", offerCode);
        g.writeStringField("version", "20261120182130");
        g.writeStringField("publicationDate", PriceListFixture.PUBLICATION);
        if (termsFirst) {
            terms(g, items, padding);
            products(g, region, items, padding);
        } else {
            products(g, region, items, padding);
            terms(g, items, padding);
        }
        g.writeObjectFieldStart("attributesList");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void products(JsonGenerator g, String region, List<JsonNode> items, long padding) throws IOException {
        g.writeObjectFieldStart("products");
        long half = padding / 2;
        Random rnd = new Random(42);
        for (long i = 0; i < half; i++) {
            padProduct(g, region, i, rnd);
        }
        for (JsonNode it : items) {
            g.writeFieldName(it.path("product").path("sku").asText());
            g.writeTree(it.get("product"));
        }
        for (long i = half; i < padding; i++) {
            padProduct(g, region, i, rnd);
        }
        g.writeEndObject();
    }

    private static void terms(JsonGenerator g, List<JsonNode> items, long padding) throws IOException {
        g.writeObjectFieldStart("terms");
        g.writeObjectFieldStart("OnDemand");
        for (long i = 0; i < padding; i++) {
            padTerm(g, i, "JRTCKXETXF", "0.1920000000");
        }
        for (JsonNode it : items) {
            g.writeFieldName(it.path("product").path("sku").asText());
            g.writeTree(it.path("terms").path("OnDemand"));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("Reserved");
        for (long i = 0; i < padding; i++) {
            padTerm(g, i, "4NA7Y494T4", "0.1210000000");
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String padSku(long i) {
        return String.format("PAD%013d", i);
    }

    private static final String[] TYPES = {"m5.large", "c6g.xlarge", "r6i.2xlarge", "t3.medium", "m7g.4xlarge", "i4i.large"};
    private static final String[] OS = {"Linux", "Windows", "RHEL", "SUSE"};

    private static void padProduct(JsonGenerator g, String region, long i, Random rnd) throws IOException {
        String type = TYPES[(int) (i % TYPES.length)];
        g.writeObjectFieldStart(padSku(i));
        g.writeStringField("sku", padSku(i));
        g.writeStringField("productFamily", i % 7 == 0 ? "Storage" : "Compute Instance");
        g.writeObjectFieldStart("attributes");
        g.writeStringField("servicecode", "AmazonEC2");
        g.writeStringField("location", "US East (N. Virginia)");
        g.writeStringField("locationType", "AWS Region");
        g.writeStringField("regionCode", region);
        g.writeStringField("instanceType", type);
        g.writeStringField("currentGeneration", "Yes");
        g.writeStringField("instanceFamily", "General purpose");
        g.writeStringField("vcpu", String.valueOf(2 << (i % 4)));
        g.writeStringField("physicalProcessor", "Intel Xeon Platinum 8175");
        g.writeStringField("clockSpeed", "3.1 GHz");
        g.writeStringField("memory", (8 << (i % 4)) + " GiB");
        g.writeStringField("storage", "EBS only");
        g.writeStringField("networkPerformance", "Up to 10 Gigabit");
        g.writeStringField("processorArchitecture", "64-bit");
        g.writeStringField("tenancy", i % 3 == 0 ? "Dedicated" : "Shared");
        g.writeStringField("operatingSystem", OS[(int) (i % OS.length)]);
        g.writeStringField("licenseModel", "No License required");
        // distractors: storage products whose usage type ends like a price the model uses, under another prefix or volume type
        g.writeStringField("usagetype", i % 7 == 0 ? "USE1-EBS:VolumeUsage.gp3-Outposts" + (i % 5)
                : i % 11 == 0 ? "SpotUsage:EBS:VolumeUsage.gp3" : "BoxUsage:" + type);
        g.writeStringField("volumeApiName", i % 7 == 0 ? "gp3" : "");
        g.writeStringField("operation", "RunInstances:" + String.format("%04d", rnd.nextInt(10000)));
        g.writeStringField("capacitystatus", "Used");
        g.writeStringField("dedicatedEbsThroughput", "Up to 4750 Mbps");
        g.writeStringField("ecu", "10");
        g.writeStringField("enhancedNetworkingSupported", "Yes");
        g.writeStringField("gpuMemory", "NA");
        g.writeStringField("intelAvxAvailable", "Yes");
        g.writeStringField("intelAvx2Available", "Yes");
        g.writeStringField("intelTurboAvailable", "Yes");
        g.writeStringField("marketoption", "OnDemand");
        g.writeStringField("normalizationSizeFactor", "4");
        g.writeStringField("preInstalledSw", "NA");
        g.writeStringField("processorFeatures", "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo");
        g.writeStringField("servicename", "Amazon Elastic Compute Cloud");
        g.writeStringField("vpcnetworkingsupport", "true");
        g.writeStringField("classicnetworkingsupport", "false");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void padTerm(JsonGenerator g, long i, String termCode, String usd) throws IOException {
        String sku = padSku(i);
        g.writeObjectFieldStart(sku);
        String term = sku + "." + termCode;
        g.writeObjectFieldStart(term);
        g.writeStringField("offerTermCode", termCode);
        g.writeStringField("sku", sku);
        g.writeStringField("effectiveDate", "2026-11-01T00:00:00Z");
        g.writeObjectFieldStart("priceDimensions");
        String rate = term + ".6YS6EN2CT7";
        g.writeObjectFieldStart(rate);
        g.writeStringField("rateCode", rate);
        g.writeStringField("description", "$" + usd + " per On Demand Linux instance Hour");
        g.writeStringField("beginRange", "0");
        g.writeStringField("endRange", "Inf");
        g.writeStringField("unit", "Hrs");
        g.writeObjectFieldStart("pricePerUnit");
        g.writeStringField("USD", usd);
        g.writeEndObject();
        g.writeArrayFieldStart("appliesTo");
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("termAttributes");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }
}
