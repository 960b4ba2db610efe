package io.lantau.compliance.screening;

/** Why a client was screened when a case was opened (HK-24: on onboarding and on list updates). */
public enum ScreeningTrigger {
    /** First screening of a new client. */
    ONBOARDING,
    /** A sanctions list was loaded or reloaded and every client was screened again. */
    LIST_RELOAD,
    /** A known client was screened again with changed or confirmed names. */
    RESCREEN
}
