#!/bin/sh
exec node ./start
