package org.airattack.stats.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** Spelling resolution against the catalog the migrations seed in PostgreSQL. */
@QuarkusTest
class CatalogTest {

    @Inject
    Catalog catalog;

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(delimiter = ';', value = {
            "Shahed-136/131; shahed-136-131; drone",
            "shahed-136/131; shahed-136-131; drone",
            "drones (mixed); shahed-136-131; drone",
            "X-101/X-555; kh-101-kh-555; cruise-missile",
            "Х-101/Х-555; kh-101-kh-555; cruise-missile",
            "kh-101-kh-555; kh-101-kh-555; cruise-missile",
            "Iskander-M/KN-23; iskander-m-kn-23; ballistic-missile",
            "C-300/C-400; s-300-s-400; surface-to-air-missile",
            "3M22 Zircon; zircon; cruise-missile",
            "Молнія; molniya; drone",
            "Intercontinental ballistic missile; icbm; ballistic-missile",
            "X-101/X-555 and Kalibr; kalibr+kh-101-kh-555; cruise-missile",
            "Kalibr and X-101/X-555; kalibr+kh-101-kh-555; cruise-missile",
            "X-101/X-555 and Kalibr and Iskander-M/KN-23; iskander-m-kn-23+kalibr+kh-101-kh-555; ballistic-missile",
            "C-300 and Iskander-M; iskander-m+s-300; ballistic-missile",
            "Shahed-136/131 and Lancet; lancet+shahed-136-131; drone",
            "X-22/X-32; kh-22+kh-32; cruise-missile",
            "X-22 and X-32; kh-22+kh-32; cruise-missile",
            "Iskander-M/C-400; iskander-m+s-400; ballistic-missile",
            "iskander-m+s-400; iskander-m+s-400; ballistic-missile" })
    void shouldResolveDatasetSpellingsAndBundles(String spelling, String key, String category) {
        WeaponRef ref = catalog.resolve(spelling).orElseThrow(() -> new AssertionError("unresolved: " + spelling));
        assertEquals(key, ref.key());
        assertEquals(category, ref.category().slug());
    }

    @Test
    void shouldNotResolveModelsTheCatalogLacksNorTheCatchAll() {
        assertTrue(catalog.resolve("KAB").isEmpty());
        assertTrue(catalog.resolve("Фенікс").isEmpty());
        assertTrue(catalog.resolve("Kalibr and Фенікс").isEmpty());
        assertTrue(catalog.resolve("unknown").isEmpty());
        assertTrue(catalog.resolve(" ").isEmpty());
        assertEquals("unknown", catalog.unknownWeapon().key());
        assertEquals(Category.OTHER, catalog.unknownWeapon().category());
    }

    @Test
    void shouldCarryEveryModelOfTheDatasetWeaponTable() {
        String[] models = { "Eleron", "Forpost", "Granat-4", "Kub", "Lancet", "Merlin-VR", "Mohajer-6", "Orion", "Orlan-10",
                "Orlan-10 and Orlan-30 and ZALA and Supercam", "Orlan-10 and Supercam", "Orlan-10 and ZALA",
                "Orlan-10 and ZALA and Supercam", "Orlan-30", "Reconnaissance UAV", "Shahed-136/131", "Shahed-136/131 and Lancet",
                "Supercam", "Unknown UAV", "ZALA", "Молнія", "Молнія and Lancet", "Ballistic Missile",
                "Intercontinental Ballistic Missile", "Iskander-M", "Iskander-M/KN-23", "KN-23", "X-47 Kinzhal",
                "X-47 Kinzhal and Iskander-M", "3M22 Zircon", "Banderol", "Iskander-K", "Iskander-K and Kalibr", "Kalibr",
                "P-800 Oniks", "Unknown Missile", "X-101/X-555", "X-101/X-555 and Iskander-K", "X-101/X-555 and Kalibr",
                "X-101/X-555 and Kalibr and Iskander-K", "X-101/X-555 and Kalibr and Iskander-K and X-59",
                "X-101/X-555 and Kalibr and X-22", "X-101/X-555 and Kalibr and X-59/X-69", "X-22", "X-22 and X-31P",
                "X-22 and X-32", "X-31", "X-31P", "X-31PD", "X-32", "X-35", "X-47 Kinzhal and Iskander-M/KN-23", "X-59",
                "X-59 and X-35", "X-59/X-69", "X-59MK2", "X-69", "GBU", "C-300 and Iskander-M", "C-300/C-400 and Iskander-M",
                "C-400 and Iskander-M", "C-300", "C-300/C-400", "C-400", "Gerbera", "Parodiya", "jet Shahed", "Italmas" };
        for (String model : models) {
            assertTrue(catalog.resolve(model).isPresent(), "the catalog does not resolve " + model);
        }
    }

    @Test
    void shouldSuggestCloseSpellings() {
        assertTrue(catalog.closeMatches("Kalibre").stream().anyMatch(s -> s.contains("kalibr")));
        assertTrue(catalog.closeMatches("Iskander").stream().anyMatch(s -> s.contains("iskander")));
    }

    @Test
    void shouldKnowTheSourcesWithTheirZonesAndDatasetNames() {
        assertEquals("Europe/Kyiv", catalog.source("ua-air-force").orElseThrow().zone().getId());
        assertEquals("Europe/Moscow", catalog.source("ru-mod").orElseThrow().zone().getId());
        assertEquals(SourceKind.CLAIM, catalog.source("ru-mod").orElseThrow().kind());
        assertEquals("ua-air-command-south", catalog.sourceByDatasetName("PvKPivden").orElseThrow().slug());
        assertEquals("ua-commander-in-chief", catalog.sourceByDatasetName("CinCAFU").orElseThrow().slug());
        for (String slug : new String[] { "ua-air-force", "ua-air-command-south", "ua-air-command-east", "ua-air-command-west",
                "ua-air-command-centre", "ua-general-staff", "ua-commander-in-chief", "ua-other", "ru-mod" }) {
            assertTrue(catalog.source(slug).isPresent(), slug);
        }
    }
}
