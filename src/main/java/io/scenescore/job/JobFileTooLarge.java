package io.scenescore.job;

/** A job file dropped in the inbox is over the limit of a JSON body. */
public class JobFileTooLarge extends JobRefused {

    public JobFileTooLarge(String detail) {
        super(detail);
    }
}
