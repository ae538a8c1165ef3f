// Parse the environment when the server boots, so a bad value stops it before the first request.
import "./env.server";

export { default, streamTimeout } from "@tianyuan/web-common/document-request.server.tsx";
