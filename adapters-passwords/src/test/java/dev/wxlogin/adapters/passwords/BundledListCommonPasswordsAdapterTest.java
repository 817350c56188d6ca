package dev.wxlogin.adapters.passwords;

import dev.wxlogin.domain.password.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BundledListCommonPasswordsAdapterTest {
    private static final BundledListCommonPasswordsAdapter LIST = new BundledListCommonPasswordsAdapter();

    @Test
    void theListHoldsFiveThousandPasswordsThatAPasswordCouldBe() {
        assertThat(LIST.size()).isEqualTo(5_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "12345678", "qwertyuiop", "iloveyou", "PASSWORD", "Password1", "1qaz2wsx",
            "\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44"}) // full-width "password", the same after NFKC
    void theMostCommonPasswordsAreRecognisedWhateverTheirCase(String common) {
        assertThat(LIST.isCommon(new Password(common))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "wxlogin-\u5bc6\u7801-2026", "Tr0ub4dor&3x"})
    void otherPasswordsAreNot(String uncommon) {
        assertThat(LIST.isCommon(new Password(uncommon))).isFalse();
    }
}
