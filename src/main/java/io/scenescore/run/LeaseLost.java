package io.scenescore.run;

/** This instance no longer holds the run (its lease ran out and another instance took it over): stop, touching nothing. */
public class LeaseLost extends RunStop {

    public LeaseLost(String jobId) {
        super("this instance no longer holds the run of job " + jobId + "; another instance has taken it over");
    }
}
